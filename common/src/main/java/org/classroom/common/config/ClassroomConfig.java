package org.classroom.common.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
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
 * @param evidenceBucket where the function keeps each person's face crop (encrypted, expiring)
 * @param evidenceDays  days before a crop in the evidence bucket expires
 * @param inputQueue    the queue S3 notifies of uploads
 * @param outputQueue   the queue results are sent to
 * @param table         the student table (partition key {@code name})
 * @param resultsTable  the results table (partition key {@code video}): each video's JSON result and idempotency record
 * @param function      the Lambda function's name
 * @param relayUrl      the relay's results API; null when there is none
 * @param relayToken    the bearer token for the relay's API; null when there is none
 * @param relayFingerprint the SHA-256 fingerprint of the relay's certificate, trusted alone; null trusts the JDK's CAs
 * @param resultsDir    the relay's results folder
 * @param localKey      the access key id used against a local endpoint (its principal under the local IAM)
 */
public record ClassroomConfig(
        String region,
        String profile,
        URI endpoint,
        String inputBucket,
        String outputBucket,
        String evidenceBucket,
        int evidenceDays,
        String inputQueue,
        String outputQueue,
        String table,
        String resultsTable,
        String function,
        URI relayUrl,
        String relayToken,
        String relayFingerprint,
        Path resultsDir,
        String localKey) {

    public Optional<URI> endpointOverride() {
        return Optional.ofNullable(endpoint);
    }

    /** True when the services are the local cloud's stand-ins rather than AWS. */
    public boolean isLocal() {
        return endpoint != null;
    }

    /** Every setting's value in this configuration (null where unset), keyed as the config file keys them. */
    public Map<Setting, String> settings() {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.REGION, region);
        values.put(Setting.PROFILE, profile);
        values.put(Setting.ENDPOINT, endpoint == null ? null : endpoint.toString());
        values.put(Setting.INPUT_BUCKET, inputBucket);
        values.put(Setting.OUTPUT_BUCKET, outputBucket);
        values.put(Setting.EVIDENCE_BUCKET, evidenceBucket);
        values.put(Setting.EVIDENCE_DAYS, Integer.toString(evidenceDays));
        values.put(Setting.INPUT_QUEUE, inputQueue);
        values.put(Setting.OUTPUT_QUEUE, outputQueue);
        values.put(Setting.TABLE, table);
        values.put(Setting.RESULTS_TABLE, resultsTable);
        values.put(Setting.FUNCTION, function);
        values.put(Setting.RELAY_URL, relayUrl == null ? null : relayUrl.toString());
        values.put(Setting.RELAY_TOKEN, relayToken);
        values.put(Setting.RELAY_FINGERPRINT, relayFingerprint);
        values.put(Setting.RESULTS_DIR, resultsDir == null ? null : resultsDir.toString());
        values.put(Setting.LOCAL_KEY, localKey);
        return values;
    }

    /** The same system, reached under another principal of the local cloud. */
    public ClassroomConfig withLocalKey(String newLocalKey) {
        return new ClassroomConfig(region, profile, endpoint, inputBucket, outputBucket, evidenceBucket, evidenceDays,
                inputQueue, outputQueue, table, resultsTable, function, relayUrl, relayToken, relayFingerprint, resultsDir, newLocalKey);
    }

    public ClassroomConfig withEndpoint(URI newEndpoint) {
        return new ClassroomConfig(region, profile, newEndpoint, inputBucket, outputBucket, evidenceBucket, evidenceDays,
                inputQueue, outputQueue, table, resultsTable, function, relayUrl, relayToken, relayFingerprint, resultsDir, localKey);
    }

    public ClassroomConfig withRelay(URI newRelayUrl, String newRelayToken) {
        return new ClassroomConfig(region, profile, endpoint, inputBucket, outputBucket, evidenceBucket, evidenceDays,
                inputQueue, outputQueue, table, resultsTable, function, newRelayUrl, newRelayToken, relayFingerprint, resultsDir, localKey);
    }

    public ClassroomConfig withResultsDir(Path newResultsDir) {
        return new ClassroomConfig(region, profile, endpoint, inputBucket, outputBucket, evidenceBucket, evidenceDays,
                inputQueue, outputQueue, table, resultsTable, function, relayUrl, relayToken, relayFingerprint, newResultsDir, localKey);
    }
}
