package org.classroom.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the relay bundle's files into a scratch root with its own install script, then has systemd
 * check the installed unit against that root.
 */
class RelayBundleTest {

    private static final Path RELAY = Templates.SOURCES.resolve("relay");

    @TempDir
    Path work;

    @Test
    void installsIntoAScratchRootAndTheUnitVerifies() throws Exception {
        assumeTrue(onPath("useradd") && onPath("systemd-analyze"), "needs useradd and systemd-analyze (Debian's passwd and systemd)");
        assumeTrue("root".equals(System.getProperty("user.name")), "useradd --root needs root; CI runs as root");
        Path bundle = bundleFromSources();
        Path root = scratchRoot();

        Result install = run(List.of(bundle.resolve("install.sh").toString(), "--root", root.toString()));
        assertThat(install.exitCode()).as(install.output()).isZero();

        assertThat(root.resolve("opt/classroom-relay/lib/classroom-relay.jar")).exists();
        assertThat(Files.getPosixFilePermissions(root.resolve("opt/classroom-relay/bin/classroom-relay")))
                .contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(Files.readString(root.resolve("etc/passwd"))).contains("classroom-relay:");
        assertThat(Files.getPosixFilePermissions(root.resolve("etc/classroom-relay/relay.env")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        Result verify = run(List.of("systemd-analyze", "verify", "--root=" + root,
                "/etc/systemd/system/classroom-relay.service"));
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).doesNotContain("classroom-relay.service:");

        // A second run keeps the operator's settings.
        Files.writeString(root.resolve("etc/classroom-relay/relay.env"), "CLASSROOM_RELAY_TOKEN=kept\n");
        Result again = run(List.of(bundle.resolve("install.sh").toString(), "--root", root.toString()));
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(Files.readString(root.resolve("etc/classroom-relay/relay.env"))).contains("kept");
    }

    @Test
    void unitRestartsOnFailureAndRunsAsItsOwnUser() throws IOException {
        String unit = Files.readString(RELAY.resolve("classroom-relay.service"));
        assertThat(unit).contains("Restart=on-failure", "User=classroom-relay", "StateDirectory=classroom-relay",
                "EnvironmentFile=/etc/classroom-relay/relay.env", "CLASSROOM_RESULTS_DIR=/var/lib/classroom-relay/results",
                "WantedBy=multi-user.target");
    }

    @Test
    void unitWaitsForTheSecretsWhichAreNotInTheSettingsFile() throws IOException {
        String unit = Files.readString(RELAY.resolve("classroom-relay.service"));
        assertThat(unit).contains("ConditionPathExists=/etc/classroom-relay/secrets.env",
                "EnvironmentFile=/etc/classroom-relay/secrets.env");
        assertThat(Files.readString(RELAY.resolve("relay.env.example")))
                .doesNotContain("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "CLASSROOM_RELAY_TOKEN");
        assertThat(Files.readString(RELAY.resolve("secrets.env.example")))
                .contains("AWS_ACCESS_KEY_ID=", "AWS_SECRET_ACCESS_KEY=", "CLASSROOM_RELAY_TOKEN=");
    }

    /** The bundle's layout, as the tarball holds it, with a stand-in jar. */
    private Path bundleFromSources() throws IOException {
        Path bundle = work.resolve("classroom-relay");
        Files.createDirectories(bundle.resolve("lib"));
        Files.createDirectories(bundle.resolve("bin"));
        Files.write(bundle.resolve("lib/classroom-relay.jar"), new byte[] {'P', 'K', 5, 6});
        for (String file : List.of("install.sh", "classroom-relay.service", "relay.env.example", "secrets.env.example")) {
            Files.copy(RELAY.resolve(file), bundle.resolve(file));
        }
        try (Stream<Path> scripts = Files.list(RELAY.resolve("bin"))) {
            for (Path script : scripts.toList()) {
                Files.copy(script, bundle.resolve("bin").resolve(script.getFileName()));
            }
        }
        Files.writeString(bundle.resolve("README.md"), "relay\n");
        return bundle;
    }

    /** A root with the system's own unit files, which the relay's unit depends on, and an empty passwd. */
    private Path scratchRoot() throws Exception {
        Path root = work.resolve("root");
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("lib/systemd"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
        Files.writeString(root.resolve("etc/shadow"), "root:*:19000:0:99999:7:::\n");
        Files.writeString(root.resolve("etc/gshadow"), "root:*::\n");
        Result copy = run(List.of("cp", "-r", "/lib/systemd/system", root.resolve("lib/systemd").toString()));
        assertThat(copy.exitCode()).as(copy.output()).isZero();
        return root;
    }

    private static boolean onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", command));
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        List<String> full = new ArrayList<>(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
