package org.classroom.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code classroom} as a process with stand-in clouds' CLIs first on its PATH (no AWS account or OpenStack is
 * reachable from the build): each stand-in logs its calls to calls.txt in {@code folder}.
 */
final class StandIns {

    record Run(int exit, String out) {
    }

    private final Path folder;

    StandIns(Path folder) {
        this.folder = folder;
    }

    /** Installs the script resource {@code script} (next to this class) as the command {@code name}. */
    StandIns install(String script, String name) throws IOException {
        Path bin = Files.createDirectories(folder.resolve("bin"));
        try (InputStream in = StandIns.class.getResourceAsStream(script)) {
            Files.copy(in, bin.resolve(name));
        }
        Files.setPosixFilePermissions(bin.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
        return this;
    }

    Run classroom(Map<String, String> environment, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "-Dclassroom.home=" + Path.of("..").toAbsolutePath().normalize(), "org.classroom.cli.Main"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("CLASSROOM_") || name.startsWith("OS_")
                || name.startsWith("RELAY_AWS_"));
        builder.environment().put("PATH", folder.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), out);
    }

    List<String> calls() throws IOException {
        Path calls = folder.resolve("calls.txt");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }
}
