package org.classroom.localcloud.standins;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a stand-in's start-up with standard output sent to the debug log: DynamoDB Local prints its
 * configuration banner there, which would mix with the command line's own output.
 */
final class QuietStdout {

    private static final Logger LOG = LoggerFactory.getLogger(QuietStdout.class);

    private QuietStdout() {
    }

    static synchronized <T> T call(Callable<T> action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return action.call();
        } finally {
            System.setOut(original);
            String text = captured.toString(StandardCharsets.UTF_8).strip();
            if (!text.isEmpty()) {
                LOG.debug("stand-in printed: {}", text.replace('\n', ' '));
            }
        }
    }
}
