package org.classroom.function.runtime;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.failsafe.function.CheckedSupplier;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one AWS call, retrying transient faults with exponential backoff and jitter. After the last
 * attempt the fault is thrown as it came, for the caller to report the message as failed.
 */
public final class Retrier {

    private static final Logger LOG = LoggerFactory.getLogger(Retrier.class);

    private final FailsafeExecutor<Object> executor;

    public Retrier(int attempts, Duration firstDelay) {
        RetryPolicyBuilder<Object> policy = RetryPolicy.builder()
                .handleIf((result, failure) -> failure != null && TransientFaults.isTransient(failure))
                .withMaxAttempts(attempts)
                .onRetry(event -> LOG.warn("retrying after a transient fault (attempt {}): {}",
                        event.getAttemptCount() + 1, oneLine(event.getLastException())));
        if (!firstDelay.isZero()) {
            policy.withBackoff(firstDelay, firstDelay.multipliedBy(8)).withJitter(0.25);
        }
        this.executor = Failsafe.with(policy.build());
    }

    public static Retrier from(FunctionSettings settings) {
        return new Retrier(settings.retryAttempts(), settings.retryDelay());
    }

    @SuppressWarnings("unchecked")
    public <T> T call(CheckedSupplier<T> call) {
        try {
            return (T) executor.get((CheckedSupplier<Object>) (CheckedSupplier<?>) call);
        } catch (FailsafeException e) {
            // Only checked exceptions are wrapped; hand back the real fault.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.getMessage(), cause);
        }
    }

    public void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    static String oneLine(Throwable failure) {
        if (failure == null) {
            return "";
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
