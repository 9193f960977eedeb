package org.classroom.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.classroom.common.format.Json;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;

/**
 * Reads S3 event notifications as the function and the relay receive them: a queue message body that is
 * a notification, an SNS envelope of one, or {@code s3:TestEvent}. Only object-created records count;
 * folder markers (keys ending in {@code /}) are dropped; keys are URL-decoded as S3 encodes them.
 */
public final class S3EventReader {

    private S3EventReader() {
    }

    /** Never fails on a body that is not a notification; fails only on a record without bucket or key. */
    public static S3EventBody read(String body) {
        if (body == null || body.isBlank()) {
            return S3EventBody.ignored("empty message body");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            return S3EventBody.ignored("message body is not JSON");
        }
        String snsMessage = snsMessage(node);
        if (snsMessage != null) {
            return read(snsMessage);
        }
        if (node == null || !node.isObject()) {
            return S3EventBody.ignored("message body is not a JSON object");
        }
        return read(node);
    }

    /** A notification already parsed into a JSON object. */
    public static S3EventBody read(JsonNode notification) {
        if (S3EventBody.TEST_EVENT.equals(text(notification, "Event"))) {
            return S3EventBody.ignored(S3EventBody.TEST_EVENT);
        }
        JsonNode records = notification.get("Records");
        if (records == null || !records.isArray()) {
            return S3EventBody.ignored(S3EventBody.NOT_A_NOTIFICATION);
        }
        return S3EventBody.of(createdObjects(notification));
    }

    /** The body inside an SNS envelope (a topic between S3 and the queue), or the body itself. */
    public static String unwrapSns(String body) {
        try {
            String inner = snsMessage(Json.mapper().readTree(body));
            return inner == null ? body : unwrapSns(inner);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return body;
        }
    }

    /** Tolerates anything: a body that cannot be read is simply not a test event. */
    public static boolean isTestEvent(String body) {
        try {
            return read(body).isTestEvent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<S3ObjectEvent> createdObjects(JsonNode notification) {
        List<S3ObjectEvent> objects = new ArrayList<>();
        for (S3EventNotificationRecord record : parse(notification).getRecords()) {
            String eventName = record.getEventName();
            if (eventName != null && !eventName.startsWith("ObjectCreated")) {
                continue;
            }
            var s3 = record.getS3();
            String bucket = s3 == null || s3.getBucket() == null ? null : s3.getBucket().getName();
            String key = s3 == null || s3.getObject() == null ? null : s3.getObject().getKey();
            if (bucket == null || key == null || bucket.isBlank() || key.isBlank()) {
                throw new IllegalArgumentException("an S3 record has no bucket name or object key");
            }
            String decoded = S3Keys.decode(key);
            if (decoded.endsWith("/")) {
                continue; // a "folder" made in the console: an empty marker object, not a video
            }
            objects.add(new S3ObjectEvent(bucket, decoded, s3.getObject().getETag(), eventName,
                    s3.getObject().getSequencer()));
        }
        return objects;
    }

    private static S3EventNotification parse(JsonNode notification) {
        try {
            return S3EventNotification.fromJson(Json.write(notification));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("an S3 event notification that cannot be read: " + e.getMessage(), e);
        }
    }

    private static String snsMessage(JsonNode node) {
        return node != null && "Notification".equals(text(node, "Type")) ? text(node, "Message") : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
