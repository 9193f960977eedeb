package org.classroom.desktop.logic.results;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.classroom.common.format.Json;
import org.classroom.common.model.VideoResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Without a relay: polls the output bucket for the {@code *.json} results and reads each new or
 * changed one (by ETag).
 */
public final class BucketFeed implements ResultFeed {

    private static final Logger LOG = LoggerFactory.getLogger(BucketFeed.class);

    private final S3Client s3;
    private final String bucket;
    private final Duration interval;
    private final Map<String, String> seen = new HashMap<>();
    private volatile boolean closed;
    private volatile Thread worker;

    public BucketFeed(S3Client s3, String bucket, Duration interval) {
        this.s3 = s3;
        this.bucket = bucket;
        this.interval = interval;
    }

    @Override
    public void start(Consumer<VideoResult> results, Consumer<Connection> connection) {
        Thread thread = new Thread(() -> run(results, connection), "bucket-feed");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    private void run(Consumer<VideoResult> results, Consumer<Connection> connection) {
        ConnectionState last = null;
        while (!closed) {
            try {
                poll(results);
                if (last != ConnectionState.POLLING) {
                    connection.accept(new Connection(ConnectionState.POLLING,
                            "No relay set: reading results from s3://" + bucket));
                    last = ConnectionState.POLLING;
                }
            } catch (SdkException | IllegalArgumentException e) {
                LOG.info("bucket feed: {}", e.getMessage());
                connection.accept(new Connection(ConnectionState.RECONNECTING,
                        "Cannot read s3://" + bucket + " (" + e.getMessage() + "); trying again…"));
                last = ConnectionState.RECONNECTING;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        connection.accept(Connection.offline("Not connected"));
    }

    private void poll(Consumer<VideoResult> results) {
        for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(bucket)).contents()) {
            if (closed) {
                return;
            }
            if (!object.key().endsWith(".json") || object.eTag().equals(seen.get(object.key()))) {
                continue;
            }
            String json = s3.getObjectAsBytes(request -> request.bucket(bucket).key(object.key())).asUtf8String();
            seen.put(object.key(), object.eTag());
            try {
                results.accept(Json.readResult(json));
            } catch (IllegalArgumentException e) {
                LOG.warn("bucket feed: skipping {}: {}", object.key(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
        s3.close();
    }
}
