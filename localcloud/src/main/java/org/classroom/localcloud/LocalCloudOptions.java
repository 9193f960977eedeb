package org.classroom.localcloud;

import java.nio.file.Path;

/**
 * How to start the local cloud.
 *
 * @param port        the edge endpoint's port on 127.0.0.1; 0 picks a free one
 * @param dataDir     where state is kept across restarts; null keeps everything in memory
 * @param region      the region the stand-ins report (queue ARNs, event records)
 * @param concurrency how many function invocations may run at once (beyond it: 429)
 */
public record LocalCloudOptions(int port, Path dataDir, String region, int concurrency) {

    public static final int DEFAULT_PORT = 4566;
    public static final String DEFAULT_REGION = "us-east-1";

    public LocalCloudOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("function concurrency must be at least 1, not " + concurrency);
        }
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
    }

    /** In memory, on a free port: what tests want. */
    public static LocalCloudOptions ephemeral() {
        return new LocalCloudOptions(0, null, DEFAULT_REGION, defaultConcurrency());
    }

    public static LocalCloudOptions of(int port, Path dataDir) {
        return new LocalCloudOptions(port, dataDir, DEFAULT_REGION, defaultConcurrency());
    }

    public LocalCloudOptions withPort(int newPort) {
        return new LocalCloudOptions(newPort, dataDir, region, concurrency);
    }

    public LocalCloudOptions withDataDir(Path newDataDir) {
        return new LocalCloudOptions(port, newDataDir, region, concurrency);
    }

    public LocalCloudOptions withRegion(String newRegion) {
        return new LocalCloudOptions(port, dataDir, newRegion, concurrency);
    }

    public LocalCloudOptions withConcurrency(int newConcurrency) {
        return new LocalCloudOptions(port, dataDir, region, newConcurrency);
    }

    public boolean inMemory() {
        return dataDir == null;
    }

    /** One invocation per core, as the function would get on this machine. */
    static int defaultConcurrency() {
        return Math.max(2, Runtime.getRuntime().availableProcessors());
    }
}
