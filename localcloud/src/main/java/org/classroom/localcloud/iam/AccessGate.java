package org.classroom.localcloud.iam;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classroom.localcloud.edge.Service;
import org.classroom.localcloud.edge.EdgeRequest;
import org.classroom.localcloud.edge.EdgeResponse;
import org.classroom.localcloud.edge.ErrorReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts IAM in front of the local cloud: the access key id in a request's signature names its principal,
 * the principal's policies decide, and a refusal looks as AWS sends it ({@code AccessDenied}, 403, in the
 * service's own format). Like S3, a missing object is 403 rather than 404 to a caller that may not list
 * the bucket. Signatures are not verified: the keys separate the parts, they do not keep anyone out.
 */
public final class AccessGate {

    private static final Logger LOG = LoggerFactory.getLogger(AccessGate.class);
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");

    private final AccessPolicies policies;
    private final RequestActions actions;

    public AccessGate(AccessPolicies policies, String region) {
        this.policies = policies;
        this.actions = new RequestActions(region);
    }

    public EdgeResponse handle(Service service, EdgeRequest request, Function<EdgeRequest, EdgeResponse> next) {
        String key = accessKeyOf(request).orElse(null);
        Optional<String> principal = policies.principalOf(key);
        if (principal.isEmpty()) {
            return ErrorReplies.error(service, 403, service == Service.S3 ? "InvalidAccessKeyId" : "UnrecognizedClientException",
                    "The security token included in the request is invalid: access key " + (key == null ? "(none)" : key)
                            + " is not one of the local cloud's (" + String.join(", ", policies.principals()) + ", admin, local)");
        }
        List<RequestAction> wanted = actions.of(service, request);
        for (RequestAction action : wanted) {
            if (!policies.allows(principal.get(), action.action(), action.resource())) {
                LOG.info("denied: {} may not {} on {}", principal.get(), action.action(), action.resource());
                return denied(service, principal.get(), action);
            }
        }
        EdgeResponse reply = next.apply(request);
        if (service == Service.S3 && reply.status() == 404 && wanted.get(0).action().equals("s3:GetObject")) {
            String bucket = "arn:aws:s3:::" + RequestActions.bucketOf(request);
            if (!policies.allows(principal.get(), "s3:ListBucket", bucket)) {
                // S3 will not tell a caller who may not list the bucket whether a key exists.
                return denied(service, principal.get(), new RequestAction("s3:ListBucket", bucket));
            }
        }
        return reply;
    }

    private static EdgeResponse denied(Service service, String principal, RequestAction action) {
        String message = "User: arn:aws:iam::" + TemplatePolicies.ACCOUNT + ":" + principal + " is not authorized to perform: "
                + action.action() + " on resource: " + action.resource() + " because no identity-based policy allows the "
                + action.action() + " action";
        return switch (service) {
            case S3 -> ErrorReplies.s3Error(403, "AccessDenied", message, null);
            case SQS -> ErrorReplies.error(service, 403, "AccessDenied", message);
            case DYNAMODB, LAMBDA -> ErrorReplies.error(service, 403, "AccessDeniedException", message);
        };
    }

    static Optional<String> accessKeyOf(EdgeRequest request) {
        Optional<String> authorization = request.header("Authorization");
        String source = authorization.orElseGet(() -> {
            String credential = request.queryParameters().get("X-Amz-Credential");
            return credential == null ? "" : "Credential=" + credential;
        });
        Matcher matcher = CREDENTIAL.matcher(source);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
