package org.classroom.relay.aws;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Calls one AWS service, retrying with exponential backoff while it cannot be reached (connection
 * failures, 5xx, throttling) and the relay is running: without end for calls that lose nothing by
 * waiting (SQS: the messages stay on the queue), a bounded number of attempts for calls whose
 * messages are held meanwhile ({@link #bounded}: the function's invocations). An outage is logged
 * once when it starts and once when it ends, however many attempts it takes; other errors pass
 * straight through.
 */
public final class ServiceCalls {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceCalls.class);

    private final String service;
    private final Backoff backoff;
    private final BooleanSupplier running;
    private final int maxAttempts;  // 0: no limit
    private final AtomicReference<Instant> outageSince = new AtomicReference<>();
    private final AtomicReference<Instant> recoveredAt = new AtomicReference<>(Instant.MIN);

    /** Retries for as long as the service cannot be reached. */
    public ServiceCalls(String service, Backoff backoff, BooleanSupplier running) {
        this(service, backoff, running, 0);
    }

    private ServiceCalls(String service, Backoff backoff, BooleanSupplier running, int maxAttempts) {
        this.service = service;
        this.backoff = backoff;
        this.running = running;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Gives up after {@code attempts} calls and throws the last failure. Each call may already be
     * several HTTP attempts (the SDK's own retries), so a few are enough; giving up lets a batch go
     * back to its queue, where maxReceiveCount and the dead-letter queue bound it.
     */
    public static ServiceCalls bounded(String service, Backoff backoff, BooleanSupplier running, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, not " + attempts);
        }
        return new ServiceCalls(service, backoff, running, attempts);
    }

    /**
     * Runs the call until it succeeds, fails for a reason that is not an outage, or (when bounded)
     * has used its attempts.
     *
     * @throws StoppedException when the relay stopped (or the thread was interrupted) while waiting
     */
    public <T> T call(String what, CheckedSupplier<T> call) {
        AtomicReference<Instant> attemptStarted = new AtomicReference<>(Instant.now());
        RetryPolicy<T> policy = RetryPolicy.<T>builder()
                .handleIf(ServiceCalls::isOutage)
                .abortOn(AbortedException.class)
                .abortIf((result, failure) -> !running.getAsBoolean() || Thread.currentThread().isInterrupted())
                .withBackoff(backoff.first(), backoff.max())
                .withMaxRetries(maxAttempts == 0 ? -1 : maxAttempts - 1)
                .onRetry(event -> outageStarted(what, event.getLastException(), attemptStarted.get()))
                .build();
        try {
            T result = Failsafe.with(policy).get(() -> {
                attemptStarted.set(Instant.now());
                return call.get();
            });
            outageEnded();
            return result;
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new StoppedException();
            }
            throw e;
        } catch (RuntimeException e) {
            if (!running.getAsBoolean() || e instanceof AbortedException || Thread.currentThread().isInterrupted()) {
                throw new StoppedException();
            }
            throw e;
        }
    }

    /** True while an outage of this service is going on. */
    public boolean down() {
        return outageSince.get() != null;
    }

    private void outageStarted(String what, Throwable failure, Instant attemptStarted) {
        if (isThrottling(failure)) {
            // Being asked to slow down is the service working as meant, not an outage.
            LOG.debug("{} throttles ({}); backing off", service, what);
            return;
        }
        if (attemptStarted.isBefore(recoveredAt.get())) {
            // This attempt began before the service came back: the end of the last outage, not a new one.
            return;
        }
        if (outageSince.compareAndSet(null, Instant.now())) {
            if (maxAttempts == 0) {
                LOG.warn("{} cannot be reached ({}: {}); retrying with backoff up to {} s until it answers",
                        service, what, describe(failure), backoff.max().toSeconds());
            } else {
                LOG.warn("{} cannot be reached ({}: {}); each call is tried {} times with backoff, then given up",
                        service, what, describe(failure), maxAttempts);
            }
        }
    }

    private static boolean isThrottling(Throwable failure) {
        return failure instanceof SdkServiceException service
                && (service.isThrottlingException() || service.statusCode() == 429);
    }

    private void outageEnded() {
        Instant since = outageSince.getAndSet(null);
        if (since != null) {
            recoveredAt.set(Instant.now());
            LOG.info("{} answers again after {} s", service, Duration.between(since, Instant.now()).toSeconds());
        }
    }

    /** Failures that waiting cures: the service is down, overloaded or unreachable. */
    public static boolean isOutage(Throwable failure) {
        if (failure instanceof AbortedException) {
            return false;
        }
        if (failure instanceof SdkServiceException service) {
            return service.statusCode() >= 500 || service.isThrottlingException() || service.statusCode() == 429;
        }
        return failure instanceof SdkClientException;
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "no answer";
        }
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    /** Thrown out of a call when the relay is stopping. */
    public static final class StoppedException extends RuntimeException {
        public StoppedException() {
            super("the relay is stopping", null, false, false);
        }
    }
}
