package org.classroom.cli;

import picocli.CommandLine;

/** Entry point of {@code ./classroom}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new ClassroomCommand());
        commandLine.setExecutionExceptionHandler(new OneLineErrors());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine.execute(args);
    }
}
