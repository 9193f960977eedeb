package org.classroom.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code shellcheck} on a script; a missing binary is a failure that says how to get it. */
final class ShellCheck {

    private ShellCheck() {
    }

    /** Asserts that shellcheck finds nothing in {@code script}, which is written to {@code folder} as {@code name}. */
    static void assertClean(String script, Path folder, String name) throws IOException, InterruptedException {
        Path file = folder.resolve(name);
        Files.writeString(file, script);
        Process process;
        try {
            process = new ProcessBuilder("shellcheck", "--format=gcc", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("shellcheck is not installed (apt-get install shellcheck): " + e.getMessage());
            return;
        }
        String report = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("shellcheck finished").isTrue();
        assertThat(process.exitValue()).as("shellcheck on %s:%n%s%n--- script ---%n%s", name, report, script).isZero();
    }
}
