package org.classroom.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle's bin/make-keystore, run for real (keytool and openssl, as on the VM) into a scratch folder: the
 * certificate must name the address the desktops are given, which is none of the VM's own.
 */
class MakeKeystoreTest {

    private static final String FLOATING_IP = "203.0.113.10";

    @TempDir
    Path folder;

    @Test
    void theCertificateNamesTheGivenAddressTheHostnameAndLocalhostAndItsFingerprintIsPrinted() throws Exception {
        Path envFile = Files.writeString(folder.resolve("relay.env"), "CLASSROOM_RELAY_PORT=8443\n");
        Path state = folder.resolve("state");

        String output = makeKeystore(envFile, state, FLOATING_IP);

        String password = Files.readAllLines(envFile).stream()
                .filter(line -> line.startsWith("CLASSROOM_RELAY_KEYSTORE_PASSWORD=")).findFirst().orElseThrow()
                .substring("CLASSROOM_RELAY_KEYSTORE_PASSWORD=".length());
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(state.resolve("relay.p12"))) {
            keystore.load(in, password.toCharArray());
        }
        X509Certificate certificate = (X509Certificate) keystore.getCertificate("relay");
        List<String> names = certificate.getSubjectAlternativeNames().stream().map(name -> name.get(1).toString()).toList();
        assertThat(names).contains(FLOATING_IP, "localhost", hostname());
        // IP entries are of type 7 (iPAddress): a client checking an IP URL looks only there.
        assertThat(certificate.getSubjectAlternativeNames()).anySatisfy(name -> {
            assertThat(name.get(0)).isEqualTo(7);
            assertThat(name.get(1)).isEqualTo(FLOATING_IP);
        });

        String fingerprint = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        assertThat(output).contains("certificate SHA-256 fingerprint " + fingerprint);
        assertThat(Files.readString(state.resolve("relay.crt"))).startsWith("-----BEGIN CERTIFICATE-----");

        // A second run keeps the keystore (and the desktops' pin) and says its fingerprint again.
        assertThat(makeKeystore(envFile, state, "198.51.100.1")).contains("exists", fingerprint);
    }

    private String makeKeystore(Path envFile, Path state, String address) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", Templates.SOURCES.resolve("relay/bin/make-keystore").toString(), address)
                .redirectErrorStream(true);
        builder.environment().put("RELAY_ENV_FILE", envFile.toString());
        builder.environment().put("RELAY_STATE_DIR", state.toString());
        builder.environment().put("RELAY_USER", System.getProperty("user.name"));
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String hostname() throws Exception {
        Process process = new ProcessBuilder("hostname").start();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
