package org.classroom.function.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import org.classroom.function.event.EventMessage;
import org.classroom.function.event.InvocationEvent;
import org.classroom.function.event.ObjectRef;
import org.classroom.function.runtime.TransientFaults;

/**
 * Runs every object of every message of one invocation. A message fails when any of its objects
 * failed (the others are done and will be skipped as duplicates on the retry). Messages not yet started
 * when the invocation is about to time out are reported failed, so the queue hands them out again.
 */
public final class BatchRunner {

    private final ObjectProcessor processor;
    private final int threads;
    private final Duration timeReserve;

    public BatchRunner(ObjectProcessor processor, int threads, Duration timeReserve) {
        this.processor = processor;
        this.threads = threads;
        this.timeReserve = timeReserve;
    }

    /** @param remainingMillis time left in this invocation (Lambda's context), read before each message */
    public List<MessageReport> run(InvocationEvent event, LongSupplier remainingMillis) {
        List<EventMessage> messages = event.messages();
        if (threads == 1 || messages.size() < 2) {
            List<MessageReport> reports = new ArrayList<>();
            for (EventMessage message : messages) {
                reports.add(runMessage(message, remainingMillis));
            }
            return reports;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, messages.size()), runnable -> {
            Thread thread = new Thread(runnable, "function-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<MessageReport>> futures = new ArrayList<>();
            for (EventMessage message : messages) {
                futures.add(pool.submit(() -> runMessage(message, remainingMillis)));
            }
            List<MessageReport> reports = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                reports.add(await(futures.get(i), messages.get(i)));
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }

    private MessageReport runMessage(EventMessage message, LongSupplier remainingMillis) {
        if (message.objects().isEmpty()) {
            VideoLog.ignored(message.messageId(), message.ignored());
            return new MessageReport(message.messageId(), List.of(), List.of());
        }
        if (remainingMillis.getAsLong() < timeReserve.toMillis()) {
            String why = "less than " + timeReserve.toSeconds() + " s left in this invocation";
            VideoLog.notStarted(message.messageId(), why);
            return new MessageReport(message.messageId(), List.of(), List.of(why));
        }
        List<ObjectOutcome> outcomes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ObjectRef object : message.objects()) {
            try {
                ObjectOutcome outcome = processor.process(object);
                outcomes.add(outcome);
                VideoLog.done(message.messageId(), outcome);
            } catch (RuntimeException e) {
                VideoLog.failed(message.messageId(), object, e, TransientFaults.isTransient(e));
                failures.add(object.key() + ": " + firstLine(e.getMessage()));
            }
        }
        return new MessageReport(message.messageId(), outcomes, failures);
    }

    private static MessageReport await(Future<MessageReport> future, EventMessage message) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MessageReport(message.messageId(), List.of(), List.of("interrupted"));
        } catch (ExecutionException e) {
            return new MessageReport(message.messageId(), List.of(), List.of(String.valueOf(e.getCause())));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "(no message)" : message.lines().findFirst().orElse(message);
    }
}
