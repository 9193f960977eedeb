package org.classroom.cli.relay;

import java.util.concurrent.Callable;
import org.classroom.cli.support.ConfigOptions;
import org.classroom.cli.support.UserError;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.relay.RelayFlags;
import org.classroom.relay.RelayMain;
import org.classroom.relay.RelayOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code classroom relay}: runs the relay in this process until Ctrl-C or SIGTERM. */
@Command(name = "relay", mixinStandardHelpOptions = true,
        description = {"Run the relay: input queue -> function, output queue -> results folder and results API.",
                "Point it at the local cloud with --endpoint http://127.0.0.1:4566; stop it with Ctrl-C."})
public final class RelayCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Mixin
    RelayFlags flags;

    @Override
    public Integer call() throws Exception {
        ClassroomConfig loaded = config.load();
        RelayOptions options;
        try {
            options = flags.toOptions();
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        try {
            RelayMain.runUntilStopped(loaded, options);
        } catch (IllegalStateException e) {
            // For example the port is taken: one line the user can act on.
            throw new UserError(e.getMessage());
        }
        return 0;
    }
}
