package org.classroom.relay.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.classroom.common.events.S3EventReader;
import org.classroom.common.events.S3ObjectEvent;
import org.classroom.relay.aws.RelayQueue;
import org.classroom.relay.aws.ServiceCalls;
import org.classroom.relay.metrics.RelayMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Long-polls the input queue and invokes the function with each batch, at most {@code concurrency}
 * invocations at a time: a batch is received only when a slot is free, so nothing waits in the relay
 * with its visibility timeout running. Only the messages the function reported done are deleted (a
 * batch that fails as a whole is retried message by message first); the rest reappear after their
 * lease and, past maxReceiveCount, SQS moves them to the dead-letter queue. Invocations
 * that cannot reach the function are retried a bounded number of times (the invoker's), then the
 * batch goes back to the queue the same way.
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
    private volatile int leaseSeconds = DEFAULT_LEASE_SECONDS;

    /**
     * How long a received batch stays invisible before the relay renews it. Short on purpose: the
     * relay renews it while the function works, so its length only matters when the relay dies
     * mid-batch, and then it is how long those uploads wait to be picked up again (the queue's own
     * timeout, six function timeouts, would leave them for minutes).
     */
    public static final int DEFAULT_LEASE_SECONDS = 30;

    /**
     * @param batchSize    messages per receive and invocation (1..10)
     * @param waitSeconds  long-poll wait (0..20)
     * @param region       put into each record's {@code awsRegion}
     * @param leaseSeconds how long a batch is invisible between renewals (at most the queue's visibility timeout)
     */
    public record Settings(int batchSize, int waitSeconds, String region, int leaseSeconds) {

        public Settings(int batchSize, int waitSeconds, String region) {
            this(batchSize, waitSeconds, region, DEFAULT_LEASE_SECONDS);
        }
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
            leaseSeconds = Math.max(1, Math.min(settings.leaseSeconds(), queue.visibilityTimeout()));
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
                List<Message> batch = withoutTestEvents(
                        queue.receive(settings.batchSize(), settings.waitSeconds(), leaseSeconds));
                if (!batch.isEmpty()) {
                    invocations.execute(() -> {
                        try {
                            invokeAndSettle(batch, arn);
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
            (S3EventReader.isTestEvent(message.body()) ? tests : batch).add(message);
        }
        if (!tests.isEmpty()) {
            LOG.info("Input queue {}: {} s3:TestEvent message(s) deleted", queue.name(), tests.size());
            queue.delete(tests);
        }
        return batch;
    }

    /**
     * Invokes the function with the batch and deletes what it finished. When the batch fails as a
     * whole (the function crashed, timed out or answered nonsense), no message can be blamed, so each
     * is invoked again on its own: the good ones finish now and only the failing one goes round
     * again towards the dead-letter queue, rather than the whole batch with it.
     */
    private void invokeAndSettle(List<Message> batch, String arn) {
        long start = System.nanoTime();
        metrics.invocationStarted();
        List<Message> unfinished = new CopyOnWriteArrayList<>(batch);
        ScheduledFuture<?> keeper = keepInvisible(unfinished);
        try {
            BatchOutcome outcome = invoke(batch, arn);
            settle(batch, outcome, unfinished);
            if (outcome.wholeBatchFailed() && batch.size() > 1) {
                LOG.info("Invoking the {} messages of the failed batch one at a time", batch.size());
                for (Message message : batch) {
                    settle(List.of(message), invoke(List.of(message), arn), unfinished);
                }
            }
            LOG.info("Invoked with {} message(s): {} done, {} left for retry ({} ms)", batch.size(),
                    batch.size() - unfinished.size(), unfinished.size(), (System.nanoTime() - start) / 1_000_000);
        } catch (ServiceCalls.StoppedException e) {
            LOG.info("Stopping: {} message(s) of a batch are left on the queue and will come back", unfinished.size());
        } catch (RuntimeException e) {
            LOG.warn("Invocation of a batch of {} failed: {}; {} message(s) go back to the queue", batch.size(),
                    e.toString(), unfinished.size());
        } finally {
            if (keeper != null) {
                keeper.cancel(false);
            }
            metrics.invocationFinished(Duration.ofNanos(System.nanoTime() - start),
                    batch.size() - unfinished.size(), unfinished.size());
        }
    }

    /** One synchronous invocation with these messages as the SQS event. */
    private BatchOutcome invoke(List<Message> messages, String arn) {
        FunctionInvoker.FunctionReply reply = invoker.invoke(SqsEvent.of(messages, arn, settings.region()));
        BatchOutcome outcome = BatchOutcome.of(messages.stream().map(Message::messageId).toList(), reply);
        if (outcome.wholeBatchFailed()) {
            LOG.warn("Function failed on {} ({}): {}", describe(messages), outcome.why(),
                    abbreviate(reply.payload()));
        }
        return outcome;
    }

    /** Deletes the finished messages and stops keeping them invisible. */
    private void settle(List<Message> messages, BatchOutcome outcome, List<Message> unfinished) {
        List<Message> finished = messages.stream().filter(m -> outcome.done().contains(m.messageId())).toList();
        if (!finished.isEmpty()) {
            queue.delete(finished);
            unfinished.removeAll(finished);
        }
    }

    private static String describe(List<Message> messages) {
        if (messages.size() > 1) {
            return "a whole batch of " + messages.size();
        }
        List<S3ObjectEvent> objects = announced(messages.get(0).body());
        return objects.isEmpty() ? "message " + messages.get(0).messageId() : objects.get(0).key();
    }

    /**
     * While the function works on a batch (or waits out throttling), its messages must not become
     * visible again: another receive would count against maxReceiveCount and run them twice. The
     * lease is renewed three times per period, so one late renewal does not lose it.
     */
    private ScheduledFuture<?> keepInvisible(List<Message> unfinished) {
        int seconds = leaseSeconds;
        if (seconds < 2) {
            return null;
        }
        long period = Math.max(1, seconds / 3);
        return visibilityKeeper.scheduleAtFixedRate(() -> {
            List<Message> held = List.copyOf(unfinished);
            if (!held.isEmpty()) {
                queue.extendVisibility(held, seconds);
            }
        }, period, period, TimeUnit.SECONDS);
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

    /** The objects a message announces; none when it cannot be read as a notification. */
    private static List<S3ObjectEvent> announced(String body) {
        try {
            return S3EventReader.read(body).objects();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
