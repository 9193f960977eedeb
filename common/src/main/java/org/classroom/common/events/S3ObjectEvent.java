package org.classroom.common.events;

/**
 * One object an S3 event notification announces.
 *
 * @param bucket    the bucket name
 * @param key       the object key, URL-decoded
 * @param etag      the ETag without quotes, or null when the record has none
 * @param eventName e.g. {@code ObjectCreated:Put}
 * @param sequencer S3's sequencer of the upload, or null when the record has none
 */
public record S3ObjectEvent(String bucket, String key, String etag, String eventName, String sequencer) {

    public S3ObjectEvent {
        etag = ETags.normalise(etag);
    }
}
