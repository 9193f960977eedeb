package org.classroom.relay;

import java.nio.file.Path;
import java.time.Duration;
import org.classroom.relay.api.StreamLimits;
import picocli.CommandLine.Option;

/**
 * The relay's own command-line options, shared by {@link RelayMain} (the stand-alone jar) and the
 * {@code classroom relay} command.
 */
public final class RelayFlags {

    @Option(names = "--port", paramLabel = "N", description = "API port (default ${DEFAULT-VALUE}; 0 = any free port).")
    int port = RelayOptions.DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Interface to listen on (default ${DEFAULT-VALUE}).")
    String host = "0.0.0.0";

    @Option(names = "--token", paramLabel = "T",
            description = "Bearer token for /api/* (default: the relay.token setting, else the one in relay-token "
                    + "beside the results folder, made on first start, readable by its owner only).")
    String token;

    @Option(names = "--results", paramLabel = "DIR",
            description = "Results folder (default: the results.dir setting, else ./results).")
    Path results;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Function invocations in flight at most (default ${DEFAULT-VALUE}).")
    int concurrency = 4;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Messages per invocation, 1..10 (default ${DEFAULT-VALUE}).")
    int batchSize = 10;

    @Option(names = "--poll-wait", paramLabel = "SECONDS",
            description = "Long-poll wait, 0..20 (default ${DEFAULT-VALUE}); a stop waits for the current poll.")
    int pollWait = 20;

    @Option(names = "--keystore", paramLabel = "FILE", description = "PKCS12 keystore: serve HTTPS instead of HTTP.")
    Path keystore;

    @Option(names = "--keystore-password", paramLabel = "P", description = "The keystore's password.")
    String keystorePassword;

    @Option(names = "--dead-letter-queue", paramLabel = "NAME",
            description = "The input queue's dead-letter queue (default: from its redrive policy).")
    String deadLetterQueue;

    @Option(names = "--grace", paramLabel = "SECONDS",
            description = "On stop, how long to wait for invocations in flight (default ${DEFAULT-VALUE}).")
    long graceSeconds = 60;

    @Option(names = "--replay-window", paramLabel = "N",
            description = "Newest results kept in memory for event-stream replay (default ${DEFAULT-VALUE}); "
                    + "a client resuming from before them gets each video's latest result.")
    int replayWindow = StreamLimits.DEFAULT.replayWindow();

    @Option(names = "--client-backlog", paramLabel = "N",
            description = "Results an event-stream client may fall behind by before it is disconnected "
                    + "(default ${DEFAULT-VALUE}); it resumes by reconnecting with Last-Event-ID.")
    int clientBacklog = StreamLimits.DEFAULT.clientBacklog();

    @Option(names = "--invoke-attempts", paramLabel = "N",
            description = "Calls of the function per batch while it cannot be reached, each with the SDK's own "
                    + "retries (default ${DEFAULT-VALUE}); then the batch goes back to the queue.")
    int invokeAttempts = RelayOptions.DEFAULT_INVOKE_ATTEMPTS;

    public RelayOptions toOptions() {
        if (keystore != null && keystorePassword == null) {
            keystorePassword = System.getenv("CLASSROOM_RELAY_KEYSTORE_PASSWORD");
        }
        RelayOptions defaults = RelayOptions.defaults();
        return new RelayOptions(host, port, token, results, concurrency, batchSize, pollWait,
                keystore, keystorePassword, deadLetterQueue, Duration.ofSeconds(graceSeconds), defaults.backoff(),
                defaults.heartbeatSeconds(), new StreamLimits(replayWindow, clientBacklog),
                invokeAttempts);
    }
}
