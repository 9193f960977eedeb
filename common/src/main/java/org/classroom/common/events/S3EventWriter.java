package org.classroom.common.events;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.eventnotifications.s3.model.RequestParameters;
import software.amazon.awssdk.eventnotifications.s3.model.ResponseElements;
import software.amazon.awssdk.eventnotifications.s3.model.S3;
import software.amazon.awssdk.eventnotifications.s3.model.S3Bucket;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;
import software.amazon.awssdk.eventnotifications.s3.model.S3Object;
import software.amazon.awssdk.eventnotifications.s3.model.UserIdentity;

/** Writes the S3 event notification S3 sends after a write, for the local S3 stand-in. */
public final class S3EventWriter {

    private S3EventWriter() {
    }

    /**
     * One notification with one record.
     *
     * @param object          the object, with its key not encoded (it is encoded here, as S3 does)
     * @param size            the object's size in bytes
     * @param configurationId the notification configuration that matched
     * @param requestId       the request that wrote the object
     */
    public static String objectEvent(S3ObjectEvent object, String region, long size, String configurationId,
                                     String requestId) {
        S3Object s3Object = new S3Object(S3Keys.encode(object.key()), size,
                object.etag() == null ? "" : object.etag(), null, object.sequencer());
        S3Bucket bucket = new S3Bucket(object.bucket(), new UserIdentity("local"), "arn:aws:s3:::" + object.bucket());
        S3EventNotificationRecord record = new S3EventNotificationRecord();
        record.setEventVersion("2.1");
        record.setEventSource("aws:s3");
        record.setAwsRegion(region);
        record.setEventTime(Instant.now());
        record.setEventName(object.eventName());
        record.setUserIdentity(new UserIdentity("AWS:local"));
        record.setRequestParameters(new RequestParameters("127.0.0.1"));
        record.setResponseElements(new ResponseElements("local", requestId));
        record.setS3(new S3(configurationId, bucket, s3Object, "1.0"));
        return new S3EventNotification(List.of(record)).toJson();
    }
}
