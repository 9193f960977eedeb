package org.classroom.system.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.classroom.cli.Main;
import org.junit.jupiter.api.Test;

/** {@code classroom relay}: its options, and one-line errors for bad ones. */
class RelayCommandTest {

    @Test
    void listsItsOptions() {
        String help = capture(() -> assertThat(Main.run("relay", "--help")).isZero(), false);
        assertThat(help).contains("--port", "--token", "--results", "--concurrency", "--keystore",
                "--keystore-password", "--poll-wait", "--endpoint");
    }

    @Test
    void aBadConcurrencyIsOneLineNotAStackTrace() {
        String errors = capture(() -> assertThat(Main.run("relay", "--concurrency", "0")).isNotZero(), true);
        assertThat(errors).contains("concurrency must be at least 1").doesNotContain("\tat ");
    }

    private static String capture(Runnable run, boolean stderr) {
        PrintStream original = stderr ? System.err : System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        if (stderr) {
            System.setErr(capture);
        } else {
            System.setOut(capture);
        }
        try {
            run.run();
        } finally {
            if (stderr) {
                System.setErr(original);
            } else {
                System.setOut(original);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
