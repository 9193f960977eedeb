package org.classroom.relay.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classroom.common.format.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One SQS queue as the relay uses it: long-poll receive, batch delete, and the attributes it needs
 * (ARN, dead-letter queue). Every call goes through {@link ServiceCalls}, so an outage means
 * backoff, not a busy loop.
 */
public final class RelayQueue {

    private static final Logger LOG = LoggerFactory.getLogger(RelayQueue.class);

    private final SqsClient sqs;
    private final SqsClient poller;
    private final ServiceCalls calls;
    private final String name;
    private final String url;

    private RelayQueue(SqsClient sqs, SqsClient poller, ServiceCalls calls, String name, String url) {
        this.sqs = sqs;
        this.poller = poller;
        this.calls = calls;
        this.name = name;
        this.url = url;
    }

    /**
     * Finds a queue by name (or takes a queue URL as it is), waiting while SQS cannot be reached.
     *
     * @param poller the client for long polls (a connection pool of their own, so they never hold up deletes)
     */
    public static RelayQueue open(SqsClient sqs, SqsClient poller, ServiceCalls calls, String nameOrUrl) {
        if (nameOrUrl.startsWith("http://") || nameOrUrl.startsWith("https://")) {
            return new RelayQueue(sqs, poller, calls, nameOrUrl.substring(nameOrUrl.lastIndexOf('/') + 1),
                    nameOrUrl);
        }
        String url = calls.call("find queue " + nameOrUrl,
                () -> sqs.getQueueUrl(r -> r.queueName(nameOrUrl)).queueUrl());
        return new RelayQueue(sqs, poller, calls, nameOrUrl, url);
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    /** Up to {@code max} messages, waiting up to {@code waitSeconds} for the first (long poll). */
    public List<Message> receive(int max, int waitSeconds) {
        return receive(max, waitSeconds, null);
    }

    /**
     * Up to {@code max} messages, waiting up to {@code waitSeconds} for the first, held invisible for
     * {@code visibilitySeconds} (null: the queue's own timeout).
     */
    public List<Message> receive(int max, int waitSeconds, Integer visibilitySeconds) {
        return calls.call("receive from " + name, () -> poller.receiveMessage(r -> r.queueUrl(url)
                .maxNumberOfMessages(max)
                .waitTimeSeconds(waitSeconds)
                .visibilityTimeout(visibilitySeconds)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages());
    }

    /** Deletes the messages; returns how many SQS refused (for example a stale receipt). */
    public int delete(List<Message> messages) {
        int refused = 0;
        for (int from = 0; from < messages.size(); from += 10) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + 10));
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i)).receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            DeleteMessageBatchResponse response = calls.call("delete from " + name,
                    () -> sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(entries)));
            for (BatchResultErrorEntry failed : response.failed()) {
                LOG.warn("{}: could not delete message {}: {}", name,
                        chunk.get(Integer.parseInt(failed.id())).messageId(), failed.message());
                refused++;
            }
        }
        return refused;
    }

    /**
     * Makes the messages stay invisible for {@code seconds} more (while the function is still at
     * them). Best effort: a failure only means a message may come round again.
     */
    public void extendVisibility(List<Message> messages, int seconds) {
        List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            entries.add(ChangeMessageVisibilityBatchRequestEntry.builder().id(Integer.toString(i))
                    .receiptHandle(messages.get(i).receiptHandle()).visibilityTimeout(seconds).build());
        }
        try {
            sqs.changeMessageVisibilityBatch(r -> r.queueUrl(url).entries(entries));
        } catch (RuntimeException e) {
            LOG.debug("{}: could not extend visibility: {}", name, e.toString());
        }
    }

    /** The queue's visibility timeout in seconds (30, SQS's default, when it does not say). */
    public int visibilityTimeout() {
        try {
            return Integer.parseInt(attributes().getOrDefault(QueueAttributeName.VISIBILITY_TIMEOUT, "30"));
        } catch (NumberFormatException e) {
            return 30;
        }
    }

    public String arn() {
        return attributes().getOrDefault(QueueAttributeName.QUEUE_ARN, "arn:aws:sqs:local:000000000000:" + name);
    }

    /** The dead-letter queue and maxReceiveCount named by this queue's redrive policy, if any. */
    public Optional<Redrive> redrive() {
        String policy = attributes().get(QueueAttributeName.REDRIVE_POLICY);
        if (policy == null || policy.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.mapper().readTree(policy);
            String target = node.path("deadLetterTargetArn").asText();
            int max = node.path("maxReceiveCount").asInt(0);
            return Optional.of(new Redrive(target.substring(target.lastIndexOf(':') + 1), max));
        } catch (Exception e) {
            LOG.warn("{}: unreadable redrive policy {}", name, policy);
            return Optional.empty();
        }
    }

    private Map<QueueAttributeName, String> attributes() {
        return calls.call("read attributes of " + name, () -> sqs.getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.ALL)).attributes());
    }

    /** Where a queue's failed messages go: the dead-letter queue's name and the receive limit. */
    public record Redrive(String deadLetterQueue, int maxReceiveCount) {
    }
}
