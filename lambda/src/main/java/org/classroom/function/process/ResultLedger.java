package org.classroom.function.process;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.classroom.function.event.ETags;
import org.classroom.function.runtime.Retrier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Reads and writes the idempotency record kept as user metadata on the JSON result object. */
public final class ResultLedger {

    /** {@code x-amz-meta-source-etag}: the input object's ETag the result was made from. */
    public static final String SOURCE_ETAG = "source-etag";
    /** {@code x-amz-meta-sent}: "true" once the result's queue message went out. */
    public static final String SENT = "sent";

    private final S3Client s3;
    private final String outputBucket;
    private final Retrier retrier;

    public ResultLedger(S3Client s3, String outputBucket, Retrier retrier) {
        this.s3 = s3;
        this.outputBucket = outputBucket;
        this.retrier = retrier;
    }

    public Optional<LedgerEntry> lookup(String jsonKey) {
        Optional<HeadObjectResponse> head = retrier.call(() -> {
            try {
                return Optional.of(s3.headObject(request -> request.bucket(outputBucket).key(jsonKey)));
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
        return head.map(response -> fromMetadata(response.metadata()));
    }

    public LedgerEntry.Decision decide(String jsonKey, String etag) {
        return LedgerEntry.decide(lookup(jsonKey).orElse(null), etag);
    }

    static LedgerEntry fromMetadata(Map<String, String> metadata) {
        Map<String, String> lower = new HashMap<>();
        metadata.forEach((key, value) -> lower.put(key.toLowerCase(java.util.Locale.ROOT), value));
        return new LedgerEntry(ETags.normalise(lower.get(SOURCE_ETAG)), "true".equals(lower.get(SENT)));
    }

    static Map<String, String> metadata(String sourceEtag, boolean sent) {
        Map<String, String> metadata = new HashMap<>();
        if (sourceEtag != null) {
            metadata.put(SOURCE_ETAG, sourceEtag);
        }
        if (sent) {
            metadata.put(SENT, "true");
        }
        return metadata;
    }
}
