package org.classroom.cli;

import org.classroom.cli.support.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one line on stderr that names the problem and an exit code of 1; the
 * stack trace goes to the debug log only, because a user can act on the message, not on the trace.
 */
final class OneLineErrors implements IExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OneLineErrors.class);

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        LOG.debug("command failed", exception);
        String message = exception.getMessage();
        if (message == null || message.isBlank()) {
            message = exception.getClass().getSimpleName();
        }
        commandLine.getErr().println("error: " + message);
        return exception instanceof UserError userError ? userError.exitCode() : 1;
    }
}
