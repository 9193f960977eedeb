package org.classroom.relay.outcome;

import java.util.function.BooleanSupplier;
import org.classroom.common.format.Json;
import org.classroom.common.model.VideoResult;
import org.classroom.relay.aws.RelayQueue;
import org.classroom.relay.aws.QueueDrain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Long-polls the output queue: each message is a result, kept by the {@link ResultRecorder} and
 * then deleted. A message that is not a result is logged and deleted (it would never become one); a
 * result that cannot be written stays on the queue and comes back.
 */
public final class OutputPump implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(OutputPump.class);

    private final RelayQueue queue;
    private final ResultRecorder recorder;
    private final BooleanSupplier running;
    private final int waitSeconds;

    public OutputPump(RelayQueue queue, ResultRecorder recorder, BooleanSupplier running, int waitSeconds) {
        this.queue = queue;
        this.recorder = recorder;
        this.running = running;
        this.waitSeconds = waitSeconds;
    }

    @Override
    public void run() {
        QueueDrain.run(queue, "Output queue", this::handle, running, waitSeconds);
    }

    /** True when the message is done with (kept, or useless); false to let it come back. */
    private boolean handle(Message message) {
        VideoResult result;
        try {
            result = Json.readResult(message.body());
        } catch (IllegalArgumentException e) {
            LOG.warn("Output queue {}: message {} is not a video result and is dropped: {}", queue.name(),
                    message.messageId(), e.getMessage());
            return true;
        }
        try {
            recorder.record(result);
            return true;
        } catch (Exception e) {
            LOG.error("{}: cannot keep the result, it stays on the queue: {}", result.video(), e.toString());
            return false;
        }
    }
}
