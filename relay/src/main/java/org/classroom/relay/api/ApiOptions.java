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
 */
public record ApiOptions(String host, int port, String token, Path keystore, String keystorePassword,
                         long heartbeatSeconds) {
}
