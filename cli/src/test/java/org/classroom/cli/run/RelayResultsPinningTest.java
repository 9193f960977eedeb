package org.classroom.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import org.classroom.common.tls.CertificateFingerprint;
import org.classroom.relay.api.ApiOptions;
import org.classroom.relay.api.ResultsApi;
import org.classroom.relay.metrics.RelayMetrics;
import org.classroom.relay.store.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real relay's HTTPS API with a self-signed certificate that names another host, as on devstack, where the
 * desktops reach the relay through the host's address: a client pinning the certificate reads the results, one
 * pinning another refuses it.
 */
class RelayResultsPinningTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    Path folder;

    @Test
    void aPinnedClientReadsTheSelfSignedRelayAndRefusesAnotherCertificate() throws Exception {
        Path keystore = keystore("relay.p12", "classroom-relay.invalid");
        String fingerprint = fingerprint(keystore);
        String other = fingerprint(keystore("other.p12", "other.invalid"));
        try (ResultStore store = ResultStore.open(folder.resolve("results"));
             ResultsApi api = ResultsApi.start(new ApiOptions("127.0.0.1", 0, "t0ken", keystore, PASSWORD, 15),
                     store, new RelayMetrics(), () -> Map.of("status", "ok"))) {
            URI relay = URI.create("https://127.0.0.1:" + api.port());

            assertThat(new RelayResults(relay, "t0ken", fingerprint).current()).isEmpty();
            assertThatThrownBy(() -> new RelayResults(relay, "t0ken", other).current())
                    .hasMessageContaining("not the pinned one").hasMessageContaining(fingerprint).hasMessageContaining(other);
            // Unpinned, the JDK's store knows no such certificate.
            assertThatThrownBy(() -> new RelayResults(relay, "t0ken", null).current()).isInstanceOf(java.io.IOException.class);
        }
    }

    private Path keystore(String file, String name) throws Exception {
        Path keystore = folder.resolve(file);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "relay", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + name, "-ext", "SAN=dns:" + name, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return keystore;
    }

    private static String fingerprint(Path keystore) throws Exception {
        KeyStore loaded = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            loaded.load(in, PASSWORD.toCharArray());
        }
        return CertificateFingerprint.sha256(loaded.getCertificate("relay"));
    }
}
