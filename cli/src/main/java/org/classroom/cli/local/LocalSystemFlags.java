package org.classroom.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.classroom.localsystem.DemoDefaults;
import org.classroom.localsystem.LocalSystemOptions;
import picocli.CommandLine.Option;

/** The options of the whole system on this machine, shared by {@code serve} and {@code demo}. */
public final class LocalSystemFlags {

    @Option(names = "--samples", paramLabel = "DIR",
            description = "Course hand-out folder: load its students and gallery (otherwise the roster starts empty).")
    Path samples;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Where buckets, queues, tables and results are kept across restarts (default: ${DEFAULT-VALUE}).")
    Path dataDir = DemoDefaults.dataDir();

    @Option(names = "--fresh", description = "Keep nothing: state in memory, results in a temporary folder.")
    boolean fresh;

    @Option(names = "--port", defaultValue = "" + DemoDefaults.CLOUD_PORT, paramLabel = "N",
            description = "The local cloud's port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0: any free port).")
    int cloudPort;

    @Option(names = "--relay-port", defaultValue = "" + DemoDefaults.RELAY_PORT, paramLabel = "N",
            description = "The relay API's port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0: any free port).")
    int relayPort;

    @Option(names = "--batch-size", defaultValue = "" + LocalSystemOptions.DEFAULT_BATCH_SIZE, paramLabel = "N",
            description = "Messages the relay hands the function per invocation, 1..10 (default ${DEFAULT-VALUE}; "
                    + "1 gives one invocation per upload, as the course counts them).")
    int batchSize;

    public Path samples() {
        return samples;
    }

    public LocalSystemOptions options() {
        LocalSystemOptions options;
        if (fresh) {
            try {
                options = new LocalSystemOptions(samples, null, cloudPort, relayPort,
                        Files.createTempDirectory("classroom-results-"), LocalSystemOptions.defaultConcurrency());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            options = LocalSystemOptions.persistent(samples, dataDir, cloudPort, relayPort);
        }
        return options.withRelayBatchSize(batchSize);
    }

    /** For messages: where the state lives. */
    public String stateDescription() {
        return fresh ? "in memory" : "state in " + dataDir.toAbsolutePath().normalize();
    }
}
