package org.classroom.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.classroom.common.format.Json;
import org.classroom.common.tls.CertificateFingerprint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code classroom deploy relay} against a stand-in {@code openstack} and {@code ssh}: the stack is made without the
 * VM, Glance's hash is compared with the published one, and only then is the VM added; the secrets reach the VM on
 * ssh's standard input, never through Heat; a rerun with nothing new does nothing.
 */
class RelayStackCommandTest {

    private static final String SHA512 = "ab".repeat(64);
    private static final String IMAGE_URL = "https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2";

    @TempDir
    Path folder;

    private StandIns standIns;
    private X509Certificate certificate;

    @BeforeEach
    void fakeOpenStack() throws Exception {
        standIns = new StandIns(folder).install("fake-openstack.sh", "openstack").install("fake-ssh.sh", "ssh");
        certificate = selfSignedCertificate();
        Files.writeString(folder.resolve("after-create.json"), stack("CREATE_COMPLETE", SHA512, "", false));
        Files.writeString(folder.resolve("after-update.json"), stack("UPDATE_COMPLETE", SHA512, SHA512, true));
        Files.writeString(folder.resolve("preview.json"), """
                {"added": "[]", "deleted": "[]", "replaced": "[]", "unchanged": "[{\\"resource_name\\": \\"image\\"}]", "updated": "[]"}""");
    }

    @Test
    void makesTheStackWithoutTheVmChecksTheImageThenAddsTheVm() throws Exception {
        StandIns.Run run = deploy(createOptions());

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("relay token (give it to the desktops",
                "[1/6] looking for Heat stack classroom-relay on cloud classroom-devstack", "it will be created",
                "[2/6] creating classroom-relay (image and network first; the VM once the image is checked)",
                "CREATE_COMPLETE  Stack CREATE completed", "[3/6] checking the image", "Glance's SHA-512 matches",
                "[4/6] making the relay VM", "UPDATE_COMPLETE",
                "[5/6] handing the relay its secrets over SSH (debian@172.24.4.200)", "wrote /etc/classroom-relay/secrets.env",
                "[6/6] where it is", "relay_url: https://172.24.4.200:8443",
                "relay certificate SHA-256 fingerprint (the desktops' relay.fingerprint): "
                        + CertificateFingerprint.sha256(certificate));
        assertThat(standIns.calls()).extracting(call -> call.replaceAll(" -t \\S+ -e \\S+", ""))
                .containsExactly(
                        "--os-cloud classroom-devstack stack show classroom-relay -f json",
                        "--os-cloud classroom-devstack stack create --wait classroom-relay",
                        "--os-cloud classroom-devstack stack show classroom-relay -f json",
                        "--os-cloud classroom-devstack stack update --existing --wait classroom-relay",
                        "--os-cloud classroom-devstack stack show classroom-relay -f json");
        assertThat(standIns.calls().get(1)).contains("installer/src/main/openstack/relay-stack.yaml");

        JsonNode create = environment(1);
        assertThat(create.path("image_verified").asText()).isEmpty();
        assertThat(create.path("image_sha512").asText()).isEqualTo(SHA512);
        assertThat(create.path("operator_cidr").asText()).isEqualTo("203.0.113.7/32");
        assertThat(create.path("ssh_public_key").asText()).isEqualTo("ssh-ed25519 AAAAC3Nza teacher@laptop");
        assertThat(create.path("floating_ip_address").asText()).isEqualTo("172.24.4.200");
        assertThat(create.has("aws_access_key_id") || create.has("aws_secret_access_key") || create.has("relay_token"))
                .as("no secret goes to Heat").isFalse();
        assertThat(create.path("input_queue").asText()).isEqualTo("classroom-input");
        // The second update names the checked hash only; Heat keeps the rest (--existing).
        assertThat(environment(2).fieldNames()).toIterable().containsExactly("image_verified");
        assertThat(environment(2).path("image_verified").asText()).isEqualTo(SHA512);
        // Secrets were in private temporary files, gone once used.
        String createCall = standIns.calls().get(1);
        Path used = Path.of(createCall.replaceAll(".* -e (\\S+) .*", "$1"));
        assertThat(used).doesNotExist();
        assertThat(run.out()).doesNotContain("secret-from-the-environment");
    }

    @Test
    void theSecretsGoToTheVmOnSshsStandardInputNeverOnACommandLine() throws Exception {
        StandIns.Run run = deploy(createOptions());
        assertThat(run.exit()).as(run.out()).isZero();
        String token = run.out().replaceAll("(?s).*relay token \\(give it to the desktops; it is not shown again\\): (\\S+).*", "$1");

        List<String> calls = Files.readAllLines(folder.resolve("ssh-calls.txt"));
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).contains("StrictHostKeyChecking=accept-new", "debian@172.24.4.200",
                "install -m 0600 /dev/stdin /etc/classroom-relay/secrets.env", "systemctl restart classroom-relay.service");
        assertThat(calls.get(1)).contains("debian@172.24.4.200", "cat /var/lib/classroom-relay/relay.crt");
        assertThat(calls).allSatisfy(call -> assertThat(call).doesNotContain("secret-from-the-environment", "AKIAEXAMPLE", token));
        assertThat(Files.readString(folder.resolve("ssh-stdin-1.txt"))).isEqualTo("AWS_ACCESS_KEY_ID=AKIAEXAMPLE\n"
                + "AWS_SECRET_ACCESS_KEY=secret-from-the-environment\nCLASSROOM_RELAY_TOKEN=" + token + "\n");
        assertThat(Files.readString(folder.resolve("ssh-stdin-2.txt"))).isEmpty();
    }

    @Test
    void stopsBeforeTheVmWhenGlancesHashIsNotThePublishedOne() throws Exception {
        Files.writeString(folder.resolve("after-create.json"), stack("CREATE_COMPLETE", "cd".repeat(64), "", false));

        StandIns.Run run = deploy(createOptions());

        assertThat(run.exit()).isNotZero();
        assertThat(run.out()).contains("the image Glance downloaded is not the one published", "cd".repeat(64),
                "The VM was not made");
        assertThat(standIns.calls()).noneMatch(call -> call.contains("stack update"));
        assertThat(folder.resolve("ssh-calls.txt")).doesNotExist();
    }

    @Test
    void aRerunWithNothingNewChangesNothing() throws Exception {
        Files.writeString(folder.resolve("stack.json"), stack("UPDATE_COMPLETE", SHA512, SHA512, true));

        StandIns.Run run = deploy("--os-cloud", "classroom-devstack");

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("found (UPDATE_COMPLETE): it will be updated", "nothing to change",
                "checked before", "nothing to do", "kept the VM's secrets", "relay_url: https://172.24.4.200:8443",
                CertificateFingerprint.sha256(certificate))
                .doesNotContain("relay token (give it");
        assertThat(Files.readAllLines(folder.resolve("ssh-calls.txt"))).singleElement().asString().contains("relay.crt");
        assertThat(standIns.calls()).anyMatch(call -> call.contains("stack update --existing --dry-run"))
                .noneMatch(call -> call.contains("--wait"));
        // The checked hash is passed again, so the preview keeps the VM.
        assertThat(environment(1).path("image_verified").asText()).isEqualTo(SHA512);
        assertThat(environment(1).has("relay_token")).isFalse();
    }

    @Test
    void aStackMadeWithSecretParametersLosesThemOnTheNextUpdate() throws Exception {
        Files.writeString(folder.resolve("stack.json"), stack("UPDATE_COMPLETE", SHA512, SHA512, true)
                .replace("\"image_verified\"", "\"relay_token\": \"******\", \"aws_secret_access_key\": \"******\", \"image_verified\""));

        StandIns.Run run = deploy("--os-cloud", "classroom-devstack");

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("this update removes relay_token, aws_secret_access_key");
        assertThat(standIns.calls()).anyMatch(call -> call.contains(
                "stack update --existing --wait --clear-parameter relay_token --clear-parameter aws_secret_access_key"));
    }

    @Test
    void aNewStackNeedsEverythingTheVmCannotDoWithout() throws Exception {
        StandIns.Run run = deploy("--operator-cidr", "::/0");
        assertThat(run.exit()).isNotZero();
        assertThat(run.out()).contains("would let the whole internet in");

        StandIns.Run missing = deploy("--operator-cidr", "203.0.113.7/32");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.out()).contains("a new relay stack needs --bundle-url, --bundle-sha256,",
                "--image-sha512 (or --image NAME)", "--public-key FILE (or --key-name NAME)");
        assertThat(standIns.calls()).noneMatch(call -> call.contains("stack create"));
    }

    private String[] createOptions() throws IOException {
        Path key = Files.writeString(folder.resolve("id_ed25519.pub"), "ssh-ed25519 AAAAC3Nza teacher@laptop\n");
        return new String[] {"--os-cloud", "classroom-devstack", "--operator-cidr", "203.0.113.7/32",
                "--image-sha512", SHA512.toUpperCase(), "--public-key", key.toString(), "--floating-ip", "172.24.4.200",
                "--bundle-url", "https://example.org/classroom-relay.tar.gz", "--bundle-sha256", "12".repeat(32)};
    }

    private StandIns.Run deploy(String... options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("deploy", "relay"));
        args.addAll(List.of(options));
        return standIns.classroom(Map.of("FAKE_OPENSTACK_DIR", folder.toString(),
                "RELAY_AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "RELAY_AWS_SECRET_ACCESS_KEY", "secret-from-the-environment"), args);
    }

    /** A certificate as the VM's make-keystore leaves it, in PEM, where the stand-in ssh answers with it. */
    private X509Certificate selfSignedCertificate() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Path keystore = folder.resolve("relay.p12");
        Path pem = folder.resolve("relay.crt");
        for (List<String> args : List.of(
                List.of("-genkeypair", "-alias", "relay", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                        "CN=classroom-relay", "-validity", "2", "-storetype", "PKCS12"),
                List.of("-exportcert", "-rfc", "-alias", "relay", "-file", pem.toString()))) {
            List<String> command = new ArrayList<>(List.of(keytool.toString()));
            command.addAll(args);
            command.addAll(List.of("-keystore", keystore.toString(), "-storepass", "changeit"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor()).as(output).isZero();
        }
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private JsonNode environment(int number) throws IOException {
        return Json.mapper().readTree(folder.resolve("env-" + number + ".json").toFile()).path("parameters");
    }

    /** A stack as `openstack stack show -f json` prints it. */
    private static String stack(String status, String imageHash, String verified, boolean withServer) {
        String relay = withServer ? """
                , {"output_key": "relay_url", "output_value": "https://172.24.4.200:8443"},
                  {"output_key": "relay_ip", "output_value": "172.24.4.200"}""" : "";
        return """
                {"stack_name": "classroom-relay", "stack_status": "%s",
                 "parameters": {"image": "", "image_url": "%s", "image_sha512": "%s", "image_verified": "%s"},
                 "outputs": [{"output_key": "image_hash", "output_value": "%s"},
                             {"output_key": "image_hash_algorithm", "output_value": "sha512"}%s]}
                """.formatted(status, IMAGE_URL, SHA512, verified, imageHash, relay);
    }
}
