package org.classroom.relay.intake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.classroom.common.format.Json;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Builds the event Lambda's own SQS trigger would pass to the function, so the function cannot tell
 * the relay from AWS's event source mapping.
 */
public final class SqsEvent {

    private SqsEvent() {
    }

    public static String of(List<Message> messages, String queueArn, String region) {
        ObjectNode event = Json.mapper().createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            if (!attributes.has("ApproximateReceiveCount")) {
                attributes.put("ApproximateReceiveCount", "1");
            }
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            for (Map.Entry<String, MessageAttributeValue> attribute : message.messageAttributes().entrySet()) {
                ObjectNode value = messageAttributes.putObject(attribute.getKey());
                value.put("stringValue", attribute.getValue().stringValue());
                value.put("dataType", attribute.getValue().dataType());
            }
            record.put("md5OfBody", message.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", region);
        }
        return Json.write(event);
    }
}
