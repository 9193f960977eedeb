package org.classroom.function.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.classroom.common.events.S3EventBody;
import org.classroom.common.events.S3EventReader;
import org.classroom.common.format.Json;

/**
 * Reads the events the function accepts: an SQS event whose message bodies are S3 event notifications
 * (what the relay and an event source mapping send), an S3 event notification delivered directly, and
 * a plain {@code {"bucket": ..., "key": ...}} test event. Every record of every message is kept;
 * {@code s3:TestEvent} messages, non-creation records and folder markers are dropped; keys are URL-decoded as S3
 * encodes them in notifications.
 */
public final class EventParser {

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
            List<ObjectRef> objects = objectRefs(S3EventReader.read(root));
            return new InvocationEvent(InvocationEvent.Shape.S3, List.of(EventMessage.of(null, objects)));
        }
        if (S3EventBody.TEST_EVENT.equals(text(root, "Event"))) {
            return new InvocationEvent(InvocationEvent.Shape.S3, List.of(EventMessage.ignored(null, S3EventBody.TEST_EVENT)));
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

    /** One SQS message body: an S3 notification (perhaps in an SNS envelope), a test event, or {bucket, key}. */
    private EventMessage parseBody(String messageId, String body) {
        S3EventBody notification = S3EventReader.read(body);
        if (notification.isNotANotification()) {
            JsonNode node = tree(S3EventReader.unwrapSns(body));
            if (node.hasNonNull("bucket") && node.hasNonNull("key")) {
                return EventMessage.of(messageId, List.of(direct(node)));
            }
        }
        return notification.ignored() != null
                ? EventMessage.ignored(messageId, notification.ignored())
                : EventMessage.of(messageId, objectRefs(notification));
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("already read as a JSON object", e);
        }
    }

    private static List<ObjectRef> objectRefs(S3EventBody notification) {
        return notification.objects().stream()
                .map(object -> new ObjectRef(object.bucket(), object.key(), object.etag(), object.eventName(),
                        object.sequencer()))
                .toList();
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
