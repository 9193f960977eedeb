package org.classroom.cli.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * For commands that print their own progress: the system's INFO logs stay out of the way unless
 * {@code --verbose} or CLASSROOM_LOG_LEVEL asks for them.
 */
public final class VerboseOption {

    @Option(names = {"-v", "--verbose"}, description = "Show the system's own log lines (function, relay, local cloud).")
    boolean verbose;

    /** Only warnings from the system's own code, unless asked otherwise. */
    public void apply() {
        if (verbose || System.getenv("CLASSROOM_LOG_LEVEL") != null) {
            return;
        }
        if (LoggerFactory.getLogger("org.classroom") instanceof Logger logger) {
            logger.setLevel(Level.WARN);
        }
    }
}
