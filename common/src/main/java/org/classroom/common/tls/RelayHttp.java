package org.classroom.common.tls;

import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client the desktop and the command line reach the relay's results API with. */
public final class RelayHttp {

    private RelayHttp() {
    }

    /**
     * With a fingerprint, HTTPS trusts exactly the relay certificate it names (the relay's is self-signed);
     * without one, the JDK's certificate authorities, for a relay behind a certificate they vouch for.
     */
    public static HttpClient client(String pinnedFingerprint) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (pinnedFingerprint != null && !pinnedFingerprint.isBlank()) {
            builder.sslContext(new PinnedCertificate(pinnedFingerprint).sslContext());
        }
        return builder.build();
    }
}
