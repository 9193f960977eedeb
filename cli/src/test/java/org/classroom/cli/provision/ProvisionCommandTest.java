package org.classroom.cli.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.classroom.localcloud.LocalCloudOptions;
import org.classroom.localcloud.LocalCloud;
import org.classroom.cli.Main;
import org.classroom.common.config.SampleData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assumptions;

/** {@code classroom provision} and {@code classroom local}'s refusals, through the command line. */
class ProvisionCommandTest {

    private static LocalCloud cloud;

    @BeforeAll
    static void startCloud() {
        cloud = LocalCloud.start(LocalCloudOptions.ephemeral());
    }

    @AfterAll
    static void stopCloud() {
        cloud.close();
    }

    @Test
    void provisionTwiceSaysNothingToDoTheSecondTime() {
        Path samples = SampleData.find().orElse(null);
        Assumptions.assumeTrue(samples != null, SampleData.missingMessage());
        String endpoint = cloud.endpoint().toString();

        Run first = run("provision", "--endpoint", endpoint, "--samples", samples.toString());
        Run second = run("provision", "--endpoint", endpoint, "--samples", samples.toString());

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("bucket classroom-input: created", "11 of 11 people's encodings set", "provisioned.");
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("nothing to do: everything was already provisioned.")
                .doesNotContain(": created", ": updated");
    }

    @Test
    void aMalformedStudentsFileIsOneLineNamingTheFile(@TempDir Path folder) throws Exception {
        Path students = Files.writeString(folder.resolve("students.json"), "{ not json");

        Run run = run("provision", "--endpoint", cloud.endpoint().toString(), "--students", students.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("error: students file " + students).doesNotContain("\n");
    }

    @Test
    void anUnreachableEndpointSaysToStartTheLocalCloud() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        Run run = run("provision", "--endpoint", "http://127.0.0.1:" + port, "--students",
                Files.writeString(Files.createTempFile("students", ".json"), "[]").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("cannot reach http://127.0.0.1:" + port, "./classroom serve");
    }

    @Test
    void noCredentialsForARealAccountSaysHowToGetThem(@TempDir Path folder) throws Exception {
        Path students = Files.writeString(folder.resolve("students.json"), "[]");

        Run run = run("provision", "--profile", "no-such-profile-for-classroom-tests", "--students", students.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("no AWS credentials found", "--profile", "--endpoint");
    }

    @Test
    void aMissingStudentsFileIsNamed(@TempDir Path folder) {
        Run run = run("provision", "--endpoint", cloud.endpoint().toString(), "--students", folder.resolve("nope.json").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("students file not found: " + folder.resolve("nope.json"));
    }

    @Test
    void localOnAPortInUseSaysSoAndExitsNonZero() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = run("local", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.err()).contains("port " + taken.getLocalPort(), "--port");
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
