package org.classroom.common.config;

import java.util.Locale;

/**
 * One configurable value: its key in the config file and on the command line
 * ({@code --set input.bucket=...}), its environment variable and its default.
 */
public enum Setting {
    REGION("region", "us-east-1"),
    PROFILE("profile", null),
    ENDPOINT("endpoint", null),
    INPUT_BUCKET("input.bucket", "classroom-input"),
    OUTPUT_BUCKET("output.bucket", "classroom-output"),
    /** Face crops of each person's best view: kept apart from the output bucket, which the course grades. */
    EVIDENCE_BUCKET("evidence.bucket", "classroom-evidence"),
    /** Days before a face crop in the evidence bucket expires. */
    EVIDENCE_DAYS("evidence.days", "30"),
    INPUT_QUEUE("input.queue", "classroom-input"),
    OUTPUT_QUEUE("output.queue", "classroom-output"),
    TABLE("table", "classroom-students"),
    RESULTS_TABLE("results.table", "classroom-results"),
    FUNCTION("function", "classroom-recognise"),
    RELAY_URL("relay.url", null),
    RELAY_TOKEN("relay.token", null),
    /** SHA-256 of the relay's certificate: when set, it alone is trusted (a self-signed relay needs it). */
    RELAY_FINGERPRINT("relay.fingerprint", null),
    RESULTS_DIR("results.dir", null),
    /** The access key id used against a local endpoint: it names this process's IAM principal there. */
    LOCAL_KEY("local.key", "local");

    private final String key;
    private final String defaultValue;

    Setting(String key, String defaultValue) {
        this.key = key;
        this.defaultValue = defaultValue;
    }

    /** The key in the config file, e.g. {@code input.bucket}. */
    public String key() {
        return key;
    }

    /** The environment variable, e.g. {@code CLASSROOM_INPUT_BUCKET}. */
    public String environmentVariable() {
        return "CLASSROOM_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    public String defaultValue() {
        return defaultValue;
    }

    public static Setting fromKey(String key) {
        for (Setting setting : values()) {
            if (setting.key.equals(key)) {
                return setting;
            }
        }
        throw new IllegalArgumentException("unknown setting '" + key + "'; known: " + knownKeys());
    }

    public static String knownKeys() {
        StringBuilder keys = new StringBuilder();
        for (Setting setting : values()) {
            keys.append(keys.length() == 0 ? "" : ", ").append(setting.key);
        }
        return keys.toString();
    }
}
