package org.classroom.localcloud.s3events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.classroom.localcloud.edge.AwsChunkedBody;
import org.classroom.localcloud.edge.EdgeRequest;
import org.classroom.localcloud.edge.EdgeResponse;
import org.classroom.localcloud.edge.ErrorReplies;
import org.classroom.localcloud.edge.Forwarder;
import org.classroom.localcloud.s3lifecycle.LifecycleApi;
import org.classroom.localcloud.s3reads.BoundedGets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The S3 side of the edge: answers the bucket notification and lifecycle APIs itself, passes every other request to
 * the S3 stand-in (with aws-chunked bodies made plain) and, after a successful object write, publishes
 * the S3 event that write causes.
 */
public final class S3Gateway {

    private static final Logger LOG = LoggerFactory.getLogger(S3Gateway.class);
    /** Object sub-resources whose PUT changes metadata only, not the object: no ObjectCreated event. */
    private static final Set<String> OBJECT_SUBRESOURCES = Set.of("acl", "tagging", "retention", "legal-hold",
            "restore", "torrent", "attributes", "uploadId", "partNumber");

    private final Supplier<URI> backend;
    private final Forwarder forwarder;
    private final NotificationStore store;
    private final S3EventPublisher publisher;
    private final QueueSenderCheck queues;
    private final BoundedGets reads;
    private final LifecycleApi lifecycle;

    /** Whether a notification's target queue exists (S3 validates destinations when they are set). */
    @FunctionalInterface
    public interface QueueSenderCheck {
        boolean exists(String queueName);
    }

    public S3Gateway(Supplier<URI> backend, Forwarder forwarder, NotificationStore store, S3EventPublisher publisher,
                     QueueSenderCheck queues, LifecycleApi lifecycle) {
        this.backend = backend;
        this.forwarder = forwarder;
        this.store = store;
        this.publisher = publisher;
        this.queues = queues;
        this.lifecycle = lifecycle;
        this.reads = new BoundedGets(backend, forwarder, BoundedGets.DEFAULT_PIECE_BYTES);
    }

    public EdgeResponse handle(EdgeRequest original) {
        EdgeRequest request = pathStyle(original);
        ObjectPath path = ObjectPath.of(request.decodedPath());
        Map<String, String> query = request.queryParameters();
        if (path.bucket() != null && path.key() == null && query.containsKey("notification")) {
            return switch (request.method()) {
                case "PUT" -> putNotification(request, path.bucket());
                case "GET" -> getNotification(path.bucket());
                default -> ErrorReplies.s3Error(405, "MethodNotAllowed", "use GET or PUT on ?notification", "/" + path.bucket());
            };
        }
        if (path.bucket() != null && path.key() == null && query.containsKey("lifecycle")) {
            return bucketMissing(path.bucket())
                    ? ErrorReplies.s3Error(404, "NoSuchBucket", "The specified bucket does not exist", "/" + path.bucket())
                    : lifecycle.handle(request.method(), path.bucket(), plainBody(request));
        }
        if (path.bucket() != null && ListingKeys.applies(request, path.key() == null, query)) {
            return ListingKeys.decoded(forwarder.forward(ListingKeys.encoded(request), backend.get()));
        }
        if (BoundedGets.applies(request, path.key() != null)) {
            return reads.get(request); // the stand-in holds each reply whole: large ones are read in pieces
        }
        EdgeRequest plain = AwsChunkedBody.applies(request) ? AwsChunkedBody.decode(request) : request;
        EdgeResponse reply = forwarder.forward(plain, backend.get());
        if (!reply.successful() || path.bucket() == null) {
            return reply;
        }
        if (path.key() == null) {
            if (request.method().equals("DELETE") && query.isEmpty()) {
                store.remove(path.bucket());
                lifecycle.bucketDeleted(path.bucket());
            }
            return reply;
        }
        String eventName = createdEvent(request, query);
        if (eventName == null) {
            return reply;
        }
        if (eventName.equals("ObjectCreated:CompleteMultipartUpload")
                && new String(reply.bufferBody(), StandardCharsets.UTF_8).contains("<Error>")) {
            return reply; // S3 may report a failed completion with status 200 and an error body
        }
        publishAfterWrite(request, path, eventName);
        return reply;
    }

    /**
     * Virtual-hosted requests ({@code Host: <bucket>.localhost:4566}, which some clients use for a
     * {@code localhost} endpoint) become path-style ones, the only kind local-s3 understands.
     */
    static EdgeRequest pathStyle(EdgeRequest request) {
        String host = request.header("Host").orElse("");
        int colon = host.lastIndexOf(':');
        String hostname = (colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host).toLowerCase();
        if (!hostname.endsWith(".localhost")) {
            return request;
        }
        String bucket = hostname.substring(0, hostname.length() - ".localhost".length());
        if (bucket.isEmpty() || bucket.equals("s3")) {
            return request;
        }
        return new EdgeRequest(request.method(), "/" + bucket + request.rawPath(), request.query(), request.headers(), request.body());
    }

    private static String createdEvent(EdgeRequest request, Map<String, String> query) {
        if (request.method().equals("POST") && query.containsKey("uploadId")) {
            return "ObjectCreated:CompleteMultipartUpload";
        }
        if (!request.method().equals("PUT") || query.keySet().stream().anyMatch(OBJECT_SUBRESOURCES::contains)) {
            return null;
        }
        return request.header("x-amz-copy-source").isPresent() ? "ObjectCreated:Copy" : "ObjectCreated:Put";
    }

    private void publishAfterWrite(EdgeRequest request, ObjectPath path, String eventName) {
        if (store.get(path.bucket()).isEmpty()) {
            return;
        }
        // Size and ETag as stored: the request's own length may include aws-chunked framing.
        EdgeResponse head = forwarder.forward(new EdgeRequest("HEAD", request.rawPath(), null, Map.of(), new byte[0]),
                backend.get());
        head.bufferBody();
        if (!head.successful()) {
            LOG.warn("s3://{}/{} was written but cannot be read back (HTTP {}); no event sent", path.bucket(), path.key(),
                    head.status());
            return;
        }
        long size = head.headers().getOrDefault("Content-Length", List.of("0")).stream().findFirst()
                .map(Long::parseLong).orElse(0L);
        String eTag = head.headers().getOrDefault("ETag", List.of("")).get(0);
        publisher.objectEvent(path.bucket(), path.key(), eventName, size, eTag);
    }

    private EdgeResponse putNotification(EdgeRequest request, String bucket) {
        if (bucketMissing(bucket)) {
            return ErrorReplies.s3Error(404, "NoSuchBucket", "The specified bucket does not exist", "/" + bucket);
        }
        List<QueueNotification> configurations;
        try {
            configurations = NotificationXml.parse(plainBody(request));
        } catch (IllegalArgumentException e) {
            return ErrorReplies.s3Error(400, "MalformedXML", e.getMessage(), "/" + bucket);
        }
        for (QueueNotification configuration : configurations) {
            if (!queues.exists(configuration.queueName())) {
                return ErrorReplies.s3Error(400, "InvalidArgument",
                        "Unable to validate the following destination configurations: queue " + configuration.queueArn()
                                + " does not exist", "/" + bucket);
            }
        }
        store.put(bucket, configurations);
        publisher.testEvent(bucket, configurations);
        LOG.info("bucket {} notifies {}", bucket,
                configurations.isEmpty() ? "nobody" : configurations.stream().map(QueueNotification::queueName).distinct().toList());
        return EdgeResponse.empty(200);
    }

    private EdgeResponse getNotification(String bucket) {
        if (bucketMissing(bucket)) {
            return ErrorReplies.s3Error(404, "NoSuchBucket", "The specified bucket does not exist", "/" + bucket);
        }
        return EdgeResponse.of(200, "application/xml", NotificationXml.write(store.get(bucket)));
    }

    private boolean bucketMissing(String bucket) {
        EdgeResponse bucketHead = forwarder.forward(new EdgeRequest("HEAD", "/" + bucket, null, Map.of(), new byte[0]),
                backend.get());
        bucketHead.bufferBody();
        return bucketHead.status() == 404;
    }

    private static byte[] plainBody(EdgeRequest request) {
        return AwsChunkedBody.applies(request) ? AwsChunkedBody.decode(request).body() : request.body();
    }

    /** A path-style S3 path split into bucket and key (either may be null). */
    record ObjectPath(String bucket, String key) {

        static ObjectPath of(String decodedPath) {
            String trimmed = decodedPath.startsWith("/") ? decodedPath.substring(1) : decodedPath;
            if (trimmed.isEmpty()) {
                return new ObjectPath(null, null);
            }
            int slash = trimmed.indexOf('/');
            if (slash < 0) {
                return new ObjectPath(trimmed, null);
            }
            String key = trimmed.substring(slash + 1);
            return new ObjectPath(trimmed.substring(0, slash), key.isEmpty() ? null : key);
        }
    }
}
