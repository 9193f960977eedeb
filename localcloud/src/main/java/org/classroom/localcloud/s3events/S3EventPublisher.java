package org.classroom.localcloud.s3events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.classroom.common.events.S3EventWriter;
import org.classroom.common.events.S3ObjectEvent;
import org.classroom.common.format.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the standard S3 event notification records and sends them to each queue whose configuration
 * matches, as S3 does after a write. Delivery happens before the write is acknowledged, so a client
 * that uploads and then reads the queue always finds the event.
 */
public final class S3EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(S3EventPublisher.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final NotificationStore store;
    private final QueueSender sender;
    private final String region;
    // S3's sequencer orders events for one key; a clock-seeded counter keeps it increasing across restarts.
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() * 1000);

    public S3EventPublisher(NotificationStore store, QueueSender sender, String region) {
        this.store = store;
        this.sender = sender;
        this.region = region;
    }

    /**
     * Sends one event about an object.
     *
     * @param eventName e.g. {@code ObjectCreated:Put}
     * @param key       the object key, not encoded
     */
    public void objectEvent(String bucket, String key, String eventName, long size, String eTag) {
        S3ObjectEvent object = new S3ObjectEvent(bucket, key, eTag, eventName,
                String.format(Locale.ROOT, "%018X", sequencer.incrementAndGet()));
        for (QueueNotification configuration : store.get(bucket)) {
            if (!configuration.matches(eventName, key)) {
                continue;
            }
            String body = S3EventWriter.objectEvent(object, region, size, configuration.id(), requestId());
            try {
                sender.send(configuration.queueName(), body);
                LOG.debug("{} for s3://{}/{} sent to {}", eventName, bucket, key, configuration.queueName());
            } catch (RuntimeException e) {
                LOG.warn("could not deliver {} for s3://{}/{} to queue {}: {}", eventName, bucket, key,
                        configuration.queueName(), e.getMessage());
            }
        }
    }

    /** The {@code s3:TestEvent} S3 sends to each destination when a configuration is set. */
    public void testEvent(String bucket, List<QueueNotification> configurations) {
        configurations.stream().map(QueueNotification::queueName).distinct().forEach(queue -> {
            ObjectNode event = Json.mapper().createObjectNode();
            event.put("Service", "Amazon S3");
            event.put("Event", "s3:TestEvent");
            event.put("Time", TIME.format(Instant.now()));
            event.put("Bucket", bucket);
            event.put("RequestId", requestId());
            event.put("HostId", "local");
            sender.send(queue, Json.write(event));
        });
    }

    private static String requestId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(Locale.ROOT);
    }
}
