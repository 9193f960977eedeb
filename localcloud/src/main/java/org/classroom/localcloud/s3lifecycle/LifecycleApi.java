package org.classroom.localcloud.s3lifecycle;

import java.util.List;
import org.classroom.localcloud.edge.EdgeResponse;
import org.classroom.localcloud.edge.ErrorReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Put, Get and DeleteBucketLifecycle(Configuration) on {@code ?lifecycle}, answered by the edge because
 * local-s3 answers them NotImplemented. The caller has checked that the bucket exists.
 */
public final class LifecycleApi {

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleApi.class);

    private final LifecycleStore store;

    public LifecycleApi(LifecycleStore store) {
        this.store = store;
    }

    public EdgeResponse handle(String method, String bucket, byte[] body) {
        return switch (method) {
            case "PUT" -> put(bucket, body);
            case "GET" -> get(bucket);
            case "DELETE" -> {
                store.remove(bucket);
                yield EdgeResponse.empty(204);
            }
            default -> ErrorReplies.s3Error(405, "MethodNotAllowed", "use GET, PUT or DELETE on ?lifecycle", "/" + bucket);
        };
    }

    /** A deleted bucket takes its rules with it, as in S3. */
    public void bucketDeleted(String bucket) {
        store.remove(bucket);
    }

    private EdgeResponse put(String bucket, byte[] body) {
        List<ExpiryRule> rules;
        try {
            rules = LifecycleXml.parse(body);
        } catch (LifecycleXml.Refused e) {
            return ErrorReplies.s3Error(e.status(), e.code(), e.getMessage(), "/" + bucket);
        }
        store.put(bucket, rules);
        LOG.info("bucket {} lifecycle: {}", bucket, rules);
        return EdgeResponse.empty(200);
    }

    private EdgeResponse get(String bucket) {
        List<ExpiryRule> rules = store.get(bucket);
        if (rules.isEmpty()) {
            return ErrorReplies.s3Error(404, "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist",
                    "/" + bucket);
        }
        return EdgeResponse.of(200, "application/xml", LifecycleXml.write(rules));
    }
}
