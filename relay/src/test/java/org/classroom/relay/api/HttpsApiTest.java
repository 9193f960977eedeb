package org.classroom.relay.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.classroom.common.tls.CertificateFingerprint;
import org.slf4j.LoggerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.classroom.relay.metrics.RelayMetrics;
import org.classroom.relay.store.ResultStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsApiTest {

    @TempDir
    Path folder;

    /** A self-signed PKCS12 keystore for 127.0.0.1, made with the JDK's keytool. */
    static Path keystore(Path dir, String password) throws Exception {
        Path file = dir.resolve("relay.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "relay", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", password)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return file;
    }

    @Test
    void logsTheCertificatesFingerprintAtStartButNeverTheToken() throws Exception {
        String password = "changeit";
        Path keystore = keystore(folder, password);
        KeyStore loaded = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            loaded.load(in, password.toCharArray());
        }
        String fingerprint = CertificateFingerprint.sha256(loaded.getCertificate("relay"));
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(ResultsApi.class);
        logger.addAppender(logs);
        try (ResultStore store = ResultStore.open(folder.resolve("results"));
             ResultsApi api = ResultsApi.start(new ApiOptions("127.0.0.1", 0, "t0ken-secret", keystore, password, 15),
                     store, new RelayMetrics(), () -> Map.of("status", "ok"))) {
            assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                    .anyMatch(line -> line.contains("SHA-256 fingerprint " + fingerprint))
                    .noneMatch(line -> line.contains("t0ken-secret") || line.contains(password));
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void servesHttpsWithTheGivenKeystoreAndNoPlainHttp() throws Exception {
        String password = "changeit";
        Path keystore = keystore(folder, password);
        try (ResultStore store = ResultStore.open(folder.resolve("results"));
             ResultsApi api = ResultsApi.start(new ApiOptions("127.0.0.1", 0, "t0ken", keystore, password, 15),
                     store, new RelayMetrics(), () -> Map.of("status", "ok"))) {
            assertThat(api.scheme()).isEqualTo("https");
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trusted.load(in, password.toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, trust.getTrustManagers(), null);
            HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();

            URI results = URI.create("https://127.0.0.1:" + api.port() + "/api/results");
            HttpResponse<String> ok = https.send(HttpRequest.newBuilder(results)
                    .header("Authorization", "Bearer t0ken").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("[]");
            assertThat(https.send(HttpRequest.newBuilder(results).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(401);

            URI plain = URI.create("http://127.0.0.1:" + api.port() + "/healthz");
            assertThatThrownBy(() -> {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(plain).build(),
                        HttpResponse.BodyHandlers.ofString());
                // Jetty may answer plain HTTP on a TLS port with 400; either way no data is served.
                assertThat(answer.statusCode()).isNotEqualTo(200);
                throw new java.io.IOException("refused with " + answer.statusCode());
            }).isInstanceOf(java.io.IOException.class);
        }
    }
}
