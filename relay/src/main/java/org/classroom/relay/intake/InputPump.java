package org.classroom.relay.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;
import org.classroom.relay.aws.RelayQueue;
import org.classroom.relay.aws.ServiceCalls;
import org.classroom.relay.metrics.RelayMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Long-polls the input queue and invokes the function with each batch, at most {@code concurrency}
 * invocations at a time: a batch is received only when a slot is free, so nothing waits in the relay
 * with its visibility timeout running. Only the messages the function reported done are deleted;
 * the rest reappear after their visibility timeout and, past maxReceiveCount, SQS moves them to the
 * dead-letter queue.
 */
public final class InputPump implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(InputPump.class);

    private final RelayQueue queue;
    private final FunctionInvoker invoker;
    private final ExecutorService invocations;
    private final Semaphore slots;
    private final RelayMetrics metrics;
    private final BooleanSupplier running;
    private final Settings settings;
    private final ScheduledExecutorService visibilityKeeper;
    private volatile int visibilitySeconds = 30;

    /**
     * @param batchSize   messages per receive and invocation (1..10)
     * @param waitSeconds long-poll wait (0..20)
     * @param region      put into each record's {@code awsRegion}
     */
    public record Settings(int batchSize, int waitSeconds, String region) {
    }

    /**
     * @param invocations      runs the invocations (at least {@code concurrency} threads)
     * @param visibilityKeeper runs the visibility extensions of batches in flight
     */
    public InputPump(RelayQueue queue, FunctionInvoker invoker, ExecutorService invocations,
                     ScheduledExecutorService visibilityKeeper, int concurrency, RelayMetrics metrics,
                     BooleanSupplier running, Settings settings) {
        this.queue = queue;
        this.visibilityKeeper = visibilityKeeper;
        this.invoker = invoker;
        this.invocations = invocations;
        this.slots = new Semaphore(concurrency);
        this.metrics = metrics;
        this.running = running;
        this.settings = settings;
    }

    @Override
    public void run() {
        String arn;
        try {
            arn = queue.arn();
            visibilitySeconds = queue.visibilityTimeout();
        } catch (ServiceCalls.StoppedException e) {
            return;
        }
        while (running.getAsBoolean()) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            if (!running.getAsBoolean()) {
                slots.release();
                return;
            }
            boolean handedOver = false;
            try {
                List<Message> batch = withoutTestEvents(queue.receive(settings.batchSize(), settings.waitSeconds()));
                if (!batch.isEmpty()) {
                    String event = SqsEvent.of(batch, arn, settings.region());
                    invocations.execute(() -> {
                        try {
                            invokeAndSettle(batch, event);
                        } finally {
                            slots.release();
                        }
                    });
                    handedOver = true;
                }
            } catch (ServiceCalls.StoppedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running.getAsBoolean()) {
                    return;
                }
                LOG.warn("Input queue {}: {}", queue.name(), e.toString());
                pause();
            } finally {
                if (!handedOver) {
                    slots.release();
                }
            }
        }
    }

    /** Deletes {@code s3:TestEvent} messages: there is nothing to invoke the function for. */
    private List<Message> withoutTestEvents(List<Message> received) {
        if (received.isEmpty()) {
            return received;
        }
        metrics.received(received.size());
        List<Message> batch = new ArrayList<>();
        List<Message> tests = new ArrayList<>();
        for (Message message : received) {
            (S3EventBody.isTestEvent(message.body()) ? tests : batch).add(message);
        }
        if (!tests.isEmpty()) {
            LOG.info("Input queue {}: {} s3:TestEvent message(s) deleted", queue.name(), tests.size());
            queue.delete(tests);
        }
        return batch;
    }

    private void invokeAndSettle(List<Message> batch, String event) {
        List<String> ids = batch.stream().map(Message::messageId).toList();
        long start = System.nanoTime();
        metrics.invocationStarted();
        Set<String> done = Set.of();
        ScheduledFuture<?> keeper = keepInvisible(batch);
        try {
            FunctionInvoker.FunctionReply reply = invoker.invoke(event);
            done = BatchOutcome.done(ids, reply);
            if (reply.failed()) {
                LOG.warn("Function failed on a batch of {} ({}): {}; they will be retried", batch.size(),
                        reply.functionError(), abbreviate(reply.payload()));
            }
            Set<String> finishedIds = done;
            List<Message> finished = batch.stream().filter(m -> finishedIds.contains(m.messageId())).toList();
            if (!finished.isEmpty()) {
                queue.delete(finished);
            }
            LOG.info("Invoked with {} message(s): {} done, {} left for retry ({} ms)", batch.size(),
                    finished.size(), batch.size() - finished.size(), (System.nanoTime() - start) / 1_000_000);
        } catch (ServiceCalls.StoppedException e) {
            LOG.info("Stopping: a batch of {} is left on the queue and will come back", batch.size());
        } catch (RuntimeException e) {
            LOG.warn("Invocation of a batch of {} failed: {}; they will be retried", batch.size(), e.toString());
        } finally {
            if (keeper != null) {
                keeper.cancel(false);
            }
            metrics.invocationFinished(Duration.ofNanos(System.nanoTime() - start), done.size(),
                    batch.size() - done.size());
        }
    }

    /**
     * While the function works on a batch (or waits out throttling), its messages must not become
     * visible again: another receive would count against maxReceiveCount and run them twice.
     */
    private ScheduledFuture<?> keepInvisible(List<Message> batch) {
        int seconds = visibilitySeconds;
        if (seconds < 2) {
            return null;
        }
        long period = Math.max(1, seconds / 2);
        return visibilityKeeper.scheduleAtFixedRate(() -> queue.extendVisibility(batch, seconds), period, period,
                TimeUnit.SECONDS);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replace('\n', ' ');
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
