package org.classroom.function.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.classroom.common.format.Json;

/**
 * Reads the events the function accepts: an SQS event whose message bodies are S3 event notifications
 * (what the relay and an event source mapping send), an S3 event notification delivered directly, and
 * a plain {@code {"bucket": ..., "key": ...}} test event. Every record of every message is kept;
 * {@code s3:TestEvent} messages, non-creation records and folder markers are dropped; keys are URL-decoded as S3
 * encodes them in notifications.
 */
public final class EventParser {

    private static final String TEST_EVENT = "s3:TestEvent";

    private final ObjectMapper mapper = Json.mapper();

    public InvocationEvent parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(unrecognised("the event is not a JSON object"));
        }
        JsonNode records = root.get("Records");
        if (records != null && records.isArray()) {
            if (records.isEmpty()) {
                return new InvocationEvent(InvocationEvent.Shape.SQS, List.of());
            }
            if (isSqsRecord(records.get(0))) {
                return parseSqs(records);
            }
            return new InvocationEvent(InvocationEvent.Shape.S3, List.of(EventMessage.of(null, s3Records(records))));
        }
        if (TEST_EVENT.equals(text(root, "Event"))) {
            return new InvocationEvent(InvocationEvent.Shape.S3, List.of(EventMessage.ignored(null, TEST_EVENT)));
        }
        if (root.hasNonNull("bucket") && root.hasNonNull("key")) {
            return new InvocationEvent(InvocationEvent.Shape.DIRECT, List.of(EventMessage.of(null, List.of(direct(root)))));
        }
        throw new IllegalArgumentException(unrecognised("it has neither \"Records\" nor \"bucket\" and \"key\""));
    }

    private InvocationEvent parseSqs(JsonNode records) {
        List<EventMessage> messages = new ArrayList<>();
        for (JsonNode record : records) {
            String messageId = text(record, "messageId");
            if (messageId == null) {
                throw new IllegalArgumentException(unrecognised("an SQS record has no messageId"));
            }
            messages.add(parseBody(messageId, text(record, "body")));
        }
        return new InvocationEvent(InvocationEvent.Shape.SQS, messages);
    }

    /** One SQS message body: an S3 notification, an SNS envelope of one, a test event, or {bucket, key}. */
    private EventMessage parseBody(String messageId, String body) {
        if (body == null || body.isBlank()) {
            return EventMessage.ignored(messageId, "empty message body");
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return EventMessage.ignored(messageId, "message body is not JSON");
        }
        if (node != null && "Notification".equals(text(node, "Type")) && text(node, "Message") != null) {
            return parseBody(messageId, text(node, "Message"));
        }
        if (node == null || !node.isObject()) {
            return EventMessage.ignored(messageId, "message body is not a JSON object");
        }
        if (TEST_EVENT.equals(text(node, "Event"))) {
            return EventMessage.ignored(messageId, TEST_EVENT);
        }
        JsonNode records = node.get("Records");
        if (records != null && records.isArray()) {
            List<ObjectRef> objects = s3Records(records);
            return objects.isEmpty()
                    ? EventMessage.ignored(messageId, "no object-created records")
                    : EventMessage.of(messageId, objects);
        }
        if (node.hasNonNull("bucket") && node.hasNonNull("key")) {
            return EventMessage.of(messageId, List.of(direct(node)));
        }
        return EventMessage.ignored(messageId, "message body is not an S3 event notification");
    }

    private static List<ObjectRef> s3Records(JsonNode records) {
        List<ObjectRef> objects = new ArrayList<>();
        for (JsonNode record : records) {
            String eventName = text(record, "eventName");
            if (eventName != null && !eventName.startsWith("ObjectCreated")) {
                continue;
            }
            JsonNode s3 = record.path("s3");
            String bucket = s3.path("bucket").path("name").asText(null);
            String key = s3.path("object").path("key").asText(null);
            if (bucket == null || key == null || bucket.isBlank() || key.isBlank()) {
                throw new IllegalArgumentException(unrecognised("an S3 record has no bucket name or object key"));
            }
            String decoded = S3Keys.decode(key);
            if (decoded.endsWith("/")) {
                continue; // a "folder" made in the console: an empty marker object, not a video
            }
            objects.add(new ObjectRef(bucket, decoded, s3.path("object").path("eTag").asText(null), eventName,
                    s3.path("object").path("sequencer").asText(null)));
        }
        return objects;
    }

    /** A test event names the key as it is; it is not URL-encoded. */
    private static ObjectRef direct(JsonNode node) {
        return new ObjectRef(node.get("bucket").asText(), node.get("key").asText(), text(node, "etag"), null);
    }

    private static boolean isSqsRecord(JsonNode record) {
        return "aws:sqs".equals(text(record, "eventSource")) || (record.has("messageId") && record.has("body"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String unrecognised(String why) {
        return "unrecognised event (" + why + "); expected an SQS event of S3 notifications, an S3 event,"
                + " or {\"bucket\": ..., \"key\": ...}";
    }
}
