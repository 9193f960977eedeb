package org.classroom.cli.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.classroom.cli.support.UserError;
import org.classroom.common.config.ClassroomConfig;

/** Runs the user's AWS CLI with this configuration's region and profile and hands back what it printed. */
final class AwsCli {

    private final ClassroomConfig config;

    AwsCli(ClassroomConfig config) {
        this.config = config;
    }

    /** Runs {@code aws ARGS...}; a non-zero exit is an error unless {@code allowFailure}. */
    Output run(boolean allowFailure, List<String> args) throws InterruptedException {
        List<String> command = new ArrayList<>(args.get(0).equals("aws") ? args : prepend(args));
        if (!command.contains("--region")) {
            command.addAll(List.of("--region", config.region()));
        }
        if (config.profile() != null && !config.profile().isBlank() && !command.contains("--profile")) {
            command.addAll(List.of("--profile", config.profile()));
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UserError("the AWS CLI (`aws`) is needed to deploy: " + e.getMessage());
        }
        String out;
        try {
            out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("reading the AWS CLI's output failed: " + e.getMessage());
        }
        int exit = process.waitFor();
        if (exit != 0 && !allowFailure) {
            throw new UserError(String.join(" ", command.subList(0, Math.min(3, command.size()))) + " failed (exit " + exit
                    + "):\n" + out.strip(), exit);
        }
        return new Output(exit, out);
    }

    Output run(String... args) throws InterruptedException {
        return run(false, List.of(args));
    }

    record Output(int exitCode, String text) {
    }

    private static List<String> prepend(List<String> args) {
        List<String> all = new ArrayList<>(List.of("aws"));
        all.addAll(args);
        return all;
    }
}
