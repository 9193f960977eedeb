package org.classroom.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.classroom.common.format.Json;
import org.classroom.provision.ProvisionReport.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** A queue with its dead-letter queue and redrive policy, and (for the input queue) the policy letting S3 send. */
final class Queues {

    static final String DLQ_SUFFIX = "-dlq";
    static final int MAX_RECEIVE_COUNT = 3;
    /** Dead letters stay two weeks, the longest SQS allows, so that someone can look at them. */
    private static final String DLQ_RETENTION_SECONDS = Integer.toString(14 * 24 * 3600);
    private static final Logger LOG = LoggerFactory.getLogger(Queues.class);

    private final SqsClient sqs;
    private final ProvisionReport report;

    Queues(SqsClient sqs, ProvisionReport report) {
        this.sqs = sqs;
        this.report = report;
    }

    /**
     * Makes {@code name} and {@code name-dlq}.
     *
     * @param visibilitySeconds how long a received message stays hidden
     * @param sendingBucketArn  the bucket allowed to send to the queue, or null for none
     * @return the queue's ARN
     */
    String ensure(String name, int visibilitySeconds, String sendingBucketArn) {
        String dlqUrl = ensureQueue(name + DLQ_SUFFIX, Map.of("MessageRetentionPeriod", DLQ_RETENTION_SECONDS));
        String dlqArn = arn(dlqUrl);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("VisibilityTimeout", Integer.toString(visibilitySeconds));
        attributes.put("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVE_COUNT + "\"}");
        String url = ensureQueue(name, attributes);
        String arn = arn(url);
        if (sendingBucketArn != null) {
            ensurePolicy(name, url, policy(arn, sendingBucketArn));
        }
        return arn;
    }

    private String ensureQueue(String name, Map<String, String> wanted) {
        String resource = "queue " + name;
        String url = url(name);
        if (url == null) {
            url = sqs.createQueue(request -> request.queueName(name).attributesWithStrings(wanted)).queueUrl();
            report.add(resource, Change.CREATED, describe(wanted));
            reportNotKept(resource, url, wanted);
            return url;
        }
        Map<String, String> differing = differing(url, wanted);
        if (differing.isEmpty()) {
            report.add(resource, Change.UNCHANGED);
            return url;
        }
        String queueUrl = url;
        sqs.setQueueAttributes(request -> request.queueUrl(queueUrl).attributesWithStrings(differing));
        Map<String, String> notKept = differing(url, differing);
        Map<String, String> applied = new LinkedHashMap<>(differing);
        applied.keySet().removeAll(notKept.keySet());
        report.add(resource, applied.isEmpty() ? Change.UNCHANGED : Change.UPDATED, describe(applied));
        reportNotKept(resource, url, notKept);
        return url;
    }

    /** Some stand-ins accept attributes they do not keep: say so rather than "updating" them on every run. */
    private void reportNotKept(String resource, String url, Map<String, String> wanted) {
        Map<String, String> notKept = differing(url, wanted);
        if (!notKept.isEmpty()) {
            report.add(resource + " " + String.join(", ", notKept.keySet()), Change.NOT_SUPPORTED,
                    "the service does not keep it");
        }
    }

    private Map<String, String> differing(String url, Map<String, String> wanted) {
        Map<String, String> current = attributes(url);
        Map<String, String> differing = new LinkedHashMap<>();
        wanted.forEach((attribute, value) -> {
            if (!sameValue(attribute, current.get(attribute), value)) {
                differing.put(attribute, value);
            }
        });
        return differing;
    }

    private void ensurePolicy(String name, String url, String policy) {
        String resource = "queue " + name + " policy (S3 may send)";
        String current = attributes(url).get("Policy");
        if (sameValue("Policy", current, policy)) {
            report.add(resource, Change.UNCHANGED);
            return;
        }
        try {
            sqs.setQueueAttributes(request -> request.queueUrl(url).attributesWithStrings(Map.of("Policy", policy)));
            if (attributes(url).get("Policy") == null) {
                report.add(resource, Change.NOT_SUPPORTED, "the service accepted but does not keep queue policies");
            } else {
                report.add(resource, current == null ? Change.CREATED : Change.UPDATED);
            }
        } catch (SqsException e) {
            LOG.debug("queue policy refused", e);
            report.add(resource, Change.NOT_SUPPORTED, "the service answered "
                    + (e.awsErrorDetails() == null ? e.statusCode() : e.awsErrorDetails().errorCode()));
        }
    }

    /** The policy S3 needs to send this bucket's events to the queue. */
    static String policy(String queueArn, String bucketArn) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("Version", "2012-10-17");
        root.put("Id", "classroom-s3-events");
        ArrayNode statements = root.putArray("Statement");
        ObjectNode statement = statements.addObject();
        statement.put("Sid", "AllowBucketEvents");
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Service", "s3.amazonaws.com");
        statement.put("Action", "SQS:SendMessage");
        statement.put("Resource", queueArn);
        statement.putObject("Condition").putObject("ArnLike").put("aws:SourceArn", bucketArn);
        return Json.write(root);
    }

    private String url(String name) {
        try {
            return sqs.getQueueUrl(request -> request.queueName(name)).queueUrl();
        } catch (QueueDoesNotExistException e) {
            return null;
        }
    }

    private Map<String, String> attributes(String url) {
        return sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings();
    }

    private String arn(String url) {
        return sqs.getQueueAttributes(request -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributesAsStrings().get("QueueArn");
    }

    /** Values compared as SQS means them: JSON documents by content, numbers as numbers. */
    private static boolean sameValue(String attribute, String current, String wanted) {
        if (current == null) {
            return wanted == null;
        }
        if (attribute.equals("RedrivePolicy") || attribute.equals("Policy")) {
            return Objects.equals(normalisedJson(current), normalisedJson(wanted));
        }
        return current.equals(wanted);
    }

    private static JsonNode normalisedJson(String text) {
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (node instanceof ObjectNode object && object.has("maxReceiveCount")) {
                object.put("maxReceiveCount", object.get("maxReceiveCount").asInt());
            }
            return node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String describe(Map<String, String> attributes) {
        List<String> parts = attributes.entrySet().stream()
                .filter(entry -> !entry.getKey().equals("RedrivePolicy"))
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .toList();
        return attributes.containsKey("RedrivePolicy")
                ? String.join(", ", parts) + (parts.isEmpty() ? "" : ", ") + "dead letters after " + MAX_RECEIVE_COUNT + " receives"
                : String.join(", ", parts);
    }
}
