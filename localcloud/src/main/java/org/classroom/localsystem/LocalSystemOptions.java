package org.classroom.localsystem;

import java.nio.file.Path;

/**
 * How to run the whole system on one machine.
 *
 * @param samples     the course hand-out folder whose students and gallery to load, or null for an empty roster
 * @param dataDir     where the local cloud keeps its state between runs, or null to keep it in memory
 * @param cloudPort   the local cloud's edge port (0: any free port)
 * @param relayPort   the relay API's port (0: any free port)
 * @param resultsDir  the relay's results folder
 * @param concurrency invocations of the function at once (relay and local Lambda alike)
 */
public record LocalSystemOptions(Path samples, Path dataDir, int cloudPort, int relayPort, Path resultsDir, int concurrency) {

    public LocalSystemOptions {
        if (resultsDir == null) {
            throw new IllegalArgumentException("a results folder is needed");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
    }

    /** Ephemeral ports, state in memory: for tests and one-off runs. */
    public static LocalSystemOptions ephemeral(Path samples, Path resultsDir) {
        return new LocalSystemOptions(samples, null, 0, 0, resultsDir, defaultConcurrency());
    }

    /** One invocation per core: the detector is CPU-bound, more would only queue on the cores. */
    public static int defaultConcurrency() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
