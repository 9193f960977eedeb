package org.classroom.relay.api;

import java.nio.file.Path;

/**
 * How the results API listens.
 *
 * @param host             interface to bind (0.0.0.0 for all)
 * @param port             port; 0 picks a free one
 * @param token            bearer token for {@code /api/*}
 * @param keystore         PKCS12 keystore for HTTPS; null for plain HTTP
 * @param keystorePassword the keystore's password
 * @param heartbeatSeconds how often an idle event stream gets a keep-alive comment
 * @param clientBacklog    new results an event-stream client may fall behind by before it is disconnected
 */
public record ApiOptions(String host, int port, String token, Path keystore, String keystorePassword,
                         long heartbeatSeconds, int clientBacklog) {

    public static final int DEFAULT_CLIENT_BACKLOG = 1_000;

    public ApiOptions {
        if (clientBacklog < 1) {
            throw new IllegalArgumentException("the client backlog must be at least 1, not " + clientBacklog);
        }
    }

    public ApiOptions(String host, int port, String token, Path keystore, String keystorePassword,
                      long heartbeatSeconds) {
        this(host, port, token, keystore, keystorePassword, heartbeatSeconds, DEFAULT_CLIENT_BACKLOG);
    }
}
