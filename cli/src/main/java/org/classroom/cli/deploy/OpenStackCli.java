package org.classroom.cli.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.classroom.cli.support.UserError;

/** Runs the user's OpenStack CLI ({@code openstack}, with the Heat plugin), against one cloud of their clouds.yaml if named. */
final class OpenStackCli {

    private final String cloud;

    /** {@code cloud} may be null: then OS_CLOUD or the OS_* variables of an openrc decide. */
    OpenStackCli(String cloud) {
        this.cloud = cloud;
    }

    record Output(int exitCode, String text) {
    }

    /** Runs {@code openstack ARGS...}; each line also goes to {@code lines} as it comes (for --wait's events). */
    Output run(boolean allowFailure, Consumer<String> lines, List<String> args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("openstack"));
        if (cloud != null) {
            command.addAll(List.of("--os-cloud", cloud));
        }
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UserError("the OpenStack CLI (`openstack`, packages python3-openstackclient and python3-heatclient) "
                    + "is needed: " + e.getMessage());
        }
        StringBuilder text = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                text.append(line).append('\n');
                lines.accept(line);
            }
        } catch (IOException e) {
            throw new UserError("reading the OpenStack CLI's output failed: " + e.getMessage());
        }
        int exit = process.waitFor();
        if (exit != 0 && !allowFailure) {
            throw new UserError("openstack " + String.join(" ", args.subList(0, Math.min(2, args.size()))) + " failed (exit "
                    + exit + "):\n" + text.toString().strip(), exit);
        }
        return new Output(exit, text.toString());
    }

    Output run(String... args) throws InterruptedException {
        return run(false, line -> { }, List.of(args));
    }
}
