package org.classroom.relay;

import java.nio.file.Path;
import java.time.Duration;
import org.classroom.relay.api.StreamLimits;
import org.classroom.relay.aws.Backoff;

/**
 * How one relay runs; the system's names (queues, function, endpoint) come from the
 * {@link org.classroom.common.config.ClassroomConfig}.
 *
 * @param host             interface the API binds to
 * @param port             API port; 0 picks a free one
 * @param token            API bearer token; null takes the config's, else the one kept in {@code relay-token}
 *                         beside the results folder (made on first start, owner-only, never logged)
 * @param resultsDir       results folder; null takes the config's, else {@code ./results}
 * @param concurrency      function invocations in flight at most
 * @param batchSize        messages per invocation (1..10)
 * @param waitSeconds      long-poll wait (0..20)
 * @param keystore         PKCS12 keystore for HTTPS; null for HTTP
 * @param keystorePassword its password
 * @param deadLetterQueue  the input queue's dead-letter queue; null reads it from the redrive policy
 * @param grace            how long a stop waits for invocations in flight
 * @param backoff          waits between attempts while AWS cannot be reached
 * @param heartbeatSeconds keep-alive period of the event stream
 * @param streamLimits     replay window and per-client backlog of the event stream
 * @param invokeAttempts   calls of the function per batch while it cannot be reached (each may be several
 *                         HTTP attempts by the SDK); then the batch goes back to the queue
 */
public record RelayOptions(
        String host,
        int port,
        String token,
        Path resultsDir,
        int concurrency,
        int batchSize,
        int waitSeconds,
        Path keystore,
        String keystorePassword,
        String deadLetterQueue,
        Duration grace,
        Backoff backoff,
        long heartbeatSeconds,
        StreamLimits streamLimits,
        int invokeAttempts) {

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_INVOKE_ATTEMPTS = 3;

    public RelayOptions {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        if (batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException("batch size must be 1..10 (an SQS limit), not " + batchSize);
        }
        if (waitSeconds < 0 || waitSeconds > 20) {
            throw new IllegalArgumentException("long-poll wait must be 0..20 s (an SQS limit), not " + waitSeconds);
        }
        if (invokeAttempts < 1) {
            throw new IllegalArgumentException("invoke attempts must be at least 1, not " + invokeAttempts);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("not a port: " + port);
        }
    }

    /** Defaults: all interfaces, port 8080, 4 invocations of up to 10 messages, 20 s long polls. */
    public static RelayOptions defaults() {
        return new RelayOptions("0.0.0.0", DEFAULT_PORT, null, null, 4, 10, 20, null, null, null,
                Duration.ofSeconds(60), Backoff.DEFAULT, 15, StreamLimits.DEFAULT, DEFAULT_INVOKE_ATTEMPTS);
    }

    public RelayOptions withHost(String newHost) {
        return new RelayOptions(newHost, port, token, resultsDir, concurrency, batchSize, waitSeconds, keystore,
                keystorePassword, deadLetterQueue, grace, backoff, heartbeatSeconds, streamLimits, invokeAttempts);
    }

    public RelayOptions withPort(int newPort) {
        return new RelayOptions(host, newPort, token, resultsDir, concurrency, batchSize, waitSeconds, keystore,
                keystorePassword, deadLetterQueue, grace, backoff, heartbeatSeconds, streamLimits, invokeAttempts);
    }

    public RelayOptions withToken(String newToken) {
        return new RelayOptions(host, port, newToken, resultsDir, concurrency, batchSize, waitSeconds, keystore,
                keystorePassword, deadLetterQueue, grace, backoff, heartbeatSeconds, streamLimits, invokeAttempts);
    }

    public RelayOptions withResultsDir(Path newResultsDir) {
        return new RelayOptions(host, port, token, newResultsDir, concurrency, batchSize, waitSeconds, keystore,
                keystorePassword, deadLetterQueue, grace, backoff, heartbeatSeconds, streamLimits, invokeAttempts);
    }

    public RelayOptions withConcurrency(int newConcurrency) {
        return new RelayOptions(host, port, token, resultsDir, newConcurrency, batchSize, waitSeconds, keystore,
                keystorePassword, deadLetterQueue, grace, backoff, heartbeatSeconds, streamLimits, invokeAttempts);
    }

    public RelayOptions withBatchSize(int newBatchSize) {
        return new RelayOptions(host, port, token, resultsDir, concurrency, newBatchSize, waitSeconds, keystore,
                keystorePassword, deadLetterQueue, grace, backoff, heartbeatSeconds, streamLimits, invokeAttempts);
    }

    public RelayOptions withKeystore(Path newKeystore, String newPassword) {
        return new RelayOptions(host, port, token, resultsDir, concurrency, batchSize, waitSeconds, newKeystore,
                newPassword, deadLetterQueue, grace, backoff, heartbeatSeconds, streamLimits, invokeAttempts);
    }

    public RelayOptions withWaitSeconds(int newWaitSeconds) {
        return new RelayOptions(host, port, token, resultsDir, concurrency, batchSize, newWaitSeconds, keystore,
                keystorePassword, deadLetterQueue, grace, backoff, heartbeatSeconds, streamLimits, invokeAttempts);
    }

    public RelayOptions withDeadLetterQueue(String newDeadLetterQueue) {
        return new RelayOptions(host, port, token, resultsDir, concurrency, batchSize, waitSeconds, keystore,
                keystorePassword, newDeadLetterQueue, grace, backoff, heartbeatSeconds, streamLimits, invokeAttempts);
    }

    public RelayOptions withBackoff(Backoff newBackoff) {
        return new RelayOptions(host, port, token, resultsDir, concurrency, batchSize, waitSeconds, keystore,
                keystorePassword, deadLetterQueue, grace, newBackoff, heartbeatSeconds, streamLimits, invokeAttempts);
    }

    public RelayOptions withHeartbeatSeconds(long newHeartbeatSeconds) {
        return new RelayOptions(host, port, token, resultsDir, concurrency, batchSize, waitSeconds, keystore,
                keystorePassword, deadLetterQueue, grace, backoff, newHeartbeatSeconds, streamLimits, invokeAttempts);
    }

    public RelayOptions withGrace(Duration newGrace) {
        return new RelayOptions(host, port, token, resultsDir, concurrency, batchSize, waitSeconds, keystore,
                keystorePassword, deadLetterQueue, newGrace, backoff, heartbeatSeconds, streamLimits, invokeAttempts);
    }

    public RelayOptions withStreamLimits(StreamLimits newStreamLimits) {
        return new RelayOptions(host, port, token, resultsDir, concurrency, batchSize, waitSeconds, keystore,
                keystorePassword, deadLetterQueue, grace, backoff, heartbeatSeconds, newStreamLimits, invokeAttempts);
    }

    public RelayOptions withInvokeAttempts(int newInvokeAttempts) {
        return new RelayOptions(host, port, token, resultsDir, concurrency, batchSize, waitSeconds, keystore,
                keystorePassword, deadLetterQueue, grace, backoff, heartbeatSeconds, streamLimits, newInvokeAttempts);
    }
}
