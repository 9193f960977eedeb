package org.classroom.relay.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import org.classroom.common.tls.CertificateFingerprint;

/** The certificate the HTTPS API presents: the first key entry of its PKCS12 keystore, as Jetty picks it. */
final class ServedCertificate {

    private ServedCertificate() {
    }

    /** Its SHA-256 fingerprint, which the desktops pin (relay.fingerprint). */
    static String fingerprint(Path keystore, String password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password == null ? new char[0] : password.toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return CertificateFingerprint.sha256(store.getCertificate(alias));
                }
            }
            throw new IllegalStateException("the keystore " + keystore + " holds no key");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the keystore " + keystore + ": " + e.getMessage(), e);
        }
    }
}
