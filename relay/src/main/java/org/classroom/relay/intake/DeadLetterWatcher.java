package org.classroom.relay.intake;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.classroom.common.events.S3EventReader;
import org.classroom.common.events.S3ObjectEvent;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.relay.aws.QueueDrain;
import org.classroom.relay.aws.RelayQueue;
import org.classroom.relay.metrics.RelayMetrics;
import org.classroom.relay.outcome.ResultRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Watches the input queue's dead-letter queue: each message there is an upload the function gave up
 * on, recorded as an {@code error} result for its video, then deleted.
 */
public final class DeadLetterWatcher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterWatcher.class);

    private final RelayQueue deadLetters;
    private final int maxReceiveCount;
    private final ResultRecorder recorder;
    private final RelayMetrics metrics;
    private final BooleanSupplier running;
    private final int waitSeconds;

    public DeadLetterWatcher(RelayQueue deadLetters, int maxReceiveCount, ResultRecorder recorder,
                             RelayMetrics metrics, BooleanSupplier running, int waitSeconds) {
        this.deadLetters = deadLetters;
        this.maxReceiveCount = maxReceiveCount;
        this.recorder = recorder;
        this.metrics = metrics;
        this.running = running;
        this.waitSeconds = waitSeconds;
    }

    @Override
    public void run() {
        QueueDrain.run(deadLetters, "Dead-letter queue", this::handle, running, waitSeconds);
    }

    private boolean handle(Message message) {
        if (S3EventReader.isTestEvent(message.body())) {
            return true;
        }
        List<S3ObjectEvent> objects = announced(message.body());
        if (objects.isEmpty()) {
            LOG.warn("Dead-letter queue {}: message {} names no S3 object and is dropped", deadLetters.name(),
                    message.messageId());
            return true;
        }
        String reason = "gave up after " + attempts(message) + " attempts";
        try {
            for (S3ObjectEvent object : objects) {
                if (recorder.hasResult(object.key(), object.etag())) {
                    // A copy that went round once too often after the function had finished it.
                    LOG.info("{}: dead letter ignored, the upload already has its result", object.key());
                    continue;
                }
                LOG.warn("{}: {}", object.key(), reason);
                // The upload's sequencer lets the store tell a late dead letter for an older upload from news.
                recorder.record(VideoResult.failure(object.key(), ResultStatus.ERROR, reason, object.etag())
                        .withSequencer(object.sequencer()));
                metrics.deadLettered();
            }
            return true;
        } catch (Exception e) {
            LOG.error("Dead-letter queue {}: cannot record message {}, it stays: {}", deadLetters.name(),
                    message.messageId(), e.toString());
            return false;
        }
    }

    /** The redrive limit when known; otherwise what the message's own receive count says. */
    private int attempts(Message message) {
        if (maxReceiveCount > 0) {
            return maxReceiveCount;
        }
        String count = message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT);
        try {
            return Math.max(1, Integer.parseInt(count) - 1);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The objects a message announces; none when it cannot be read as a notification. */
    private static List<S3ObjectEvent> announced(String body) {
        try {
            return S3EventReader.read(body).objects();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
