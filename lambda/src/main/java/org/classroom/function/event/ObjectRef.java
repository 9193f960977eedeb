package org.classroom.function.event;

import java.util.Objects;
import org.classroom.common.events.ETags;

/**
 * One object an event asks the function to handle.
 *
 * @param bucket    the input bucket
 * @param key       the object key, already URL-decoded
 * @param etag      the object's ETag without quotes, or null when the event does not say (a test event)
 * @param eventName the S3 event name ({@code ObjectCreated:Put}), or null for a test event
 * @param sequencer S3's sequencer of the upload: unique per upload of a key, the same on a redelivered event;
 *                  null when the event does not say
 */
public record ObjectRef(String bucket, String key, String etag, String eventName, String sequencer) {

    public ObjectRef {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (bucket.isBlank() || key.isBlank()) {
            throw new IllegalArgumentException("an object needs a bucket and a key");
        }
        etag = ETags.normalise(etag);
    }

    public ObjectRef(String bucket, String key, String etag, String eventName) {
        this(bucket, key, etag, eventName, null);
    }

    public static ObjectRef of(String bucket, String key) {
        return new ObjectRef(bucket, key, null, null);
    }

    @Override
    public String toString() {
        return bucket + "/" + key + (etag == null ? "" : " (" + etag + ")");
    }
}
