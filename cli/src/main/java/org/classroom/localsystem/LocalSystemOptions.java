package org.classroom.localsystem;

import java.nio.file.Path;
import org.classroom.localcloud.iam.StackTemplate;

/**
 * How to run the whole system on one machine.
 *
 * @param samples        the course hand-out folder whose students and gallery to load, or null for an empty roster
 * @param dataDir        where the local cloud keeps its state between runs, or null to keep it in memory
 * @param cloudPort      the local cloud's edge port (0: any free port)
 * @param relayPort      the relay API's port (0: any free port)
 * @param resultsDir     the relay's results folder
 * @param concurrency    invocations of the function at once (relay and local Lambda alike)
 * @param relayBatchSize messages the relay hands the function per invocation (1..10)
 * @param iamTemplate    the CloudFormation template whose IAM policies the local cloud enforces, each part under its
 *                       own access key; null to check nothing
 */
public record LocalSystemOptions(Path samples, Path dataDir, int cloudPort, int relayPort, Path resultsDir, int concurrency,
                                 int relayBatchSize, Path iamTemplate) {

    /** Ten messages per invocation, the SQS maximum: fewer invocations for the same work. */
    public static final int DEFAULT_BATCH_SIZE = 10;

    public LocalSystemOptions {
        if (resultsDir == null) {
            throw new IllegalArgumentException("a results folder is needed");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        if (relayBatchSize < 1 || relayBatchSize > 10) {
            throw new IllegalArgumentException("the batch size must be 1..10 (an SQS limit), not " + relayBatchSize);
        }
    }

    /** With the default batch size, enforcing the project's own template when it is there (a checkout). */
    public LocalSystemOptions(Path samples, Path dataDir, int cloudPort, int relayPort, Path resultsDir, int concurrency) {
        this(samples, dataDir, cloudPort, relayPort, resultsDir, concurrency, DEFAULT_BATCH_SIZE,
                StackTemplate.find().orElse(null));
    }

    /** Ephemeral ports, state in memory: for tests and one-off runs. */
    public static LocalSystemOptions ephemeral(Path samples, Path resultsDir) {
        return new LocalSystemOptions(samples, null, 0, 0, resultsDir, defaultConcurrency());
    }

    /** State on disk under {@code dataDir}: the cloud's in {@code cloud/}, the relay's results in {@code results/}. */
    public static LocalSystemOptions persistent(Path samples, Path dataDir, int cloudPort, int relayPort) {
        return new LocalSystemOptions(samples, dataDir.resolve("cloud"), cloudPort, relayPort, dataDir.resolve("results"),
                defaultConcurrency());
    }

    public LocalSystemOptions withRelayBatchSize(int size) {
        return new LocalSystemOptions(samples, dataDir, cloudPort, relayPort, resultsDir, concurrency, size, iamTemplate);
    }

    public LocalSystemOptions withIamTemplate(Path template) {
        return new LocalSystemOptions(samples, dataDir, cloudPort, relayPort, resultsDir, concurrency, relayBatchSize, template);
    }

    /** One invocation per core: the detector is CPU-bound, more would only queue on the cores. */
    public static int defaultConcurrency() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
