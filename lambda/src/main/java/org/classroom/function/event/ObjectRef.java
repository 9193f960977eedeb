package org.classroom.function.event;

import java.util.Objects;

/**
 * One object an event asks the function to handle.
 *
 * @param bucket    the input bucket
 * @param key       the object key, already URL-decoded
 * @param etag      the object's ETag without quotes, or null when the event does not say (a test event)
 * @param eventName the S3 event name ({@code ObjectCreated:Put}), or null for a test event
 */
public record ObjectRef(String bucket, String key, String etag, String eventName) {

    public ObjectRef {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (bucket.isBlank() || key.isBlank()) {
            throw new IllegalArgumentException("an object needs a bucket and a key");
        }
        etag = ETags.normalise(etag);
    }

    public static ObjectRef of(String bucket, String key) {
        return new ObjectRef(bucket, key, null, null);
    }

    @Override
    public String toString() {
        return bucket + "/" + key + (etag == null ? "" : " (" + etag + ")");
    }
}
