package org.classroom.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Commands that print their own progress keep the system's INFO logs out of the way unless asked. */
public final class LogLevels {

    private LogLevels() {
    }

    /** Only warnings from the system's own code, unless CLASSROOM_LOG_LEVEL says otherwise or verbose is set. */
    public static void quietUnless(boolean verbose) {
        if (verbose || System.getenv("CLASSROOM_LOG_LEVEL") != null) {
            return;
        }
        if (LoggerFactory.getLogger("org.classroom") instanceof Logger logger) {
            logger.setLevel(Level.WARN);
        }
    }
}
