package org.classroom.common.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything a process needs to find the system: where AWS (or the local cloud) is, and the names of
 * the buckets, queues, table and function. Built by {@link ConfigLoader}; see its precedence.
 *
 * @param region        AWS region
 * @param profile       credentials profile; null for the default provider chain
 * @param endpoint      endpoint override for every service (the local cloud); null for AWS
 * @param inputBucket   where videos are uploaded
 * @param outputBucket  where results are written
 * @param inputQueue    the queue S3 notifies of uploads
 * @param outputQueue   the queue results are sent to
 * @param table         the student table (partition key {@code name})
 * @param function      the Lambda function's name
 * @param relayUrl      the relay's results API; null when there is none
 * @param relayToken    the bearer token for the relay's API; null when there is none
 * @param resultsDir    the relay's results folder
 */
public record ClassroomConfig(
        String region,
        String profile,
        URI endpoint,
        String inputBucket,
        String outputBucket,
        String inputQueue,
        String outputQueue,
        String table,
        String function,
        URI relayUrl,
        String relayToken,
        Path resultsDir) {

    public Optional<URI> endpointOverride() {
        return Optional.ofNullable(endpoint);
    }

    /** True when the services are the local cloud's stand-ins rather than AWS. */
    public boolean isLocal() {
        return endpoint != null;
    }

    public ClassroomConfig withEndpoint(URI newEndpoint) {
        return new ClassroomConfig(region, profile, newEndpoint, inputBucket, outputBucket, inputQueue,
                outputQueue, table, function, relayUrl, relayToken, resultsDir);
    }

    public ClassroomConfig withRelay(URI newRelayUrl, String newRelayToken) {
        return new ClassroomConfig(region, profile, endpoint, inputBucket, outputBucket, inputQueue,
                outputQueue, table, function, newRelayUrl, newRelayToken, resultsDir);
    }

    public ClassroomConfig withResultsDir(Path newResultsDir) {
        return new ClassroomConfig(region, profile, endpoint, inputBucket, outputBucket, inputQueue,
                outputQueue, table, function, relayUrl, relayToken, newResultsDir);
    }
}
