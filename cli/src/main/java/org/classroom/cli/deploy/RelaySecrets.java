package org.classroom.cli.deploy;

import java.util.Optional;
import org.classroom.cli.support.UserError;

/**
 * What the relay VM must not get through Nova user data (readable through the API and the metadata service):
 * the AWS key of the relay's IAM user and the API's bearer token. They go to /etc/classroom-relay/secrets.env
 * over SSH instead ({@link RelayHostSsh}).
 */
record RelaySecrets(String awsAccessKeyId, String awsSecretAccessKey, String relayToken) {

    RelaySecrets {
        for (String value : new String[] {awsAccessKeyId, awsSecretAccessKey, relayToken}) {
            if (value.isBlank() || value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '"')) {
                throw new UserError("a relay secret (--relay-token or RELAY_AWS_*) is empty or holds spaces or quotes, "
                        + "which the relay's environment file cannot carry");
            }
        }
    }

    /** All three when all are known, else empty (an update that does not replace them). */
    static Optional<RelaySecrets> ifComplete(String awsAccessKeyId, String awsSecretAccessKey, String relayToken) {
        if (awsAccessKeyId == null || awsSecretAccessKey == null || relayToken == null) {
            return Optional.empty();
        }
        return Optional.of(new RelaySecrets(awsAccessKeyId, awsSecretAccessKey, relayToken));
    }

    /** The file as systemd's EnvironmentFile reads it. */
    String environmentFile() {
        return "AWS_ACCESS_KEY_ID=" + awsAccessKeyId + "\n"
                + "AWS_SECRET_ACCESS_KEY=" + awsSecretAccessKey + "\n"
                + "CLASSROOM_RELAY_TOKEN=" + relayToken + "\n";
    }

    @Override
    public String toString() {
        return "RelaySecrets[hidden]";
    }
}
