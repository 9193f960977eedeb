package org.classroom.common.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate, named by its SHA-256 fingerprint: the relay's self-signed one, which no
 * certificate authority vouches for. The pin is the identity, so the name the server was reached by is not
 * checked (the devstack host forwards its own address to the relay); an extended trust manager, because the JDK
 * would add that host name check around a plain one.
 */
public final class PinnedCertificate extends X509ExtendedTrustManager {

    private final String fingerprint;

    /** {@code fingerprint} as a person may paste it; see {@link CertificateFingerprint#parse}. */
    public PinnedCertificate(String fingerprint) {
        this.fingerprint = CertificateFingerprint.parse(fingerprint);
    }

    /** A TLS context whose clients trust this certificate and nothing else. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK: " + e.getMessage(), e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        String presented = CertificateFingerprint.sha256(chain[0]);
        if (!presented.equals(fingerprint)) {
            throw new CertificateException("the relay's certificate is not the pinned one: it has SHA-256 fingerprint "
                    + presented + ", the settings expect " + fingerprint);
        }
        chain[0].checkValidity();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a pinned certificate only checks servers");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
