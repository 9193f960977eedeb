package org.classroom.relay.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The loop a queue reader runs until the relay stops: long-poll a batch, handle each message, delete
 * the ones handled. A failed poll is logged and retried after a pause; messages not handled come back
 * when their visibility timeout ends.
 */
public final class QueueDrain {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDrain.class);
    private static final long PAUSE_MILLIS = 1000;

    private QueueDrain() {
    }

    /**
     * @param label   how the logs name the queue ("Output queue", "Dead-letter queue")
     * @param handler true when a message is done with (kept, or useless), false to let it come back
     */
    public static void run(RelayQueue queue, String label, Predicate<Message> handler, BooleanSupplier running,
                           int waitSeconds) {
        while (running.getAsBoolean()) {
            try {
                List<Message> handled = new ArrayList<>();
                for (Message message : queue.receive(10, waitSeconds)) {
                    if (handler.test(message)) {
                        handled.add(message);
                    }
                }
                if (!handled.isEmpty()) {
                    queue.delete(handled);
                }
            } catch (ServiceCalls.StoppedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running.getAsBoolean()) {
                    return;
                }
                LOG.warn("{} {}: {}", label, queue.name(), e.toString());
                try {
                    Thread.sleep(PAUSE_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
