package org.classroom.cli.run;

import java.util.concurrent.Callable;
import org.classroom.cli.support.ConfigOptions;
import org.classroom.cli.support.Display;
import org.classroom.cli.support.UserError;
import org.classroom.cli.local.LocalSystemFlags;
import org.classroom.cli.local.LocalSystemStarter;
import org.classroom.cli.local.ServeBanner;
import org.classroom.desktop.DesktopApp;
import org.classroom.localsystem.DemoSystem;
import org.classroom.localsystem.LocalSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code classroom demo}: {@code serve} with the desktop window connected to it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"`classroom serve` plus the desktop window connected to it: the local cloud, provisioned, the "
                + "function and the relay, until the window closes. State is kept under the data folder, so a restarted "
                + "demo keeps its uploads and results.",
                "Without a display, use `classroom serve` (left running) or `classroom process` instead."})
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions configOptions;

    @Mixin
    LocalSystemFlags flags;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Display.available()) {
            throw new UserError("demo needs a display (none found: DISPLAY is not set). Headless, the same system runs "
                    + "with: ./classroom serve --samples DIR (left running), or ./classroom process --samples DIR PATH...");
        }
        long started = System.nanoTime();
        System.err.println("demo: starting the local system (" + flags.stateDescription() + ")...");
        LocalSystem system = LocalSystemStarter.start(configOptions.load(), flags.options());
        DemoSystem demo = DemoSystem.running(system);
        ServeBanner.print(system, flags.stateDescription(), (System.nanoTime() - started) / 1e9,
                "Closing the window (or Ctrl-C) stops it.", spec.commandLine().getErr());
        if (flags.samples() == null) {
            System.err.println("demo: no --samples, so the roster is empty: add students and enrol their faces in the "
                    + "Roster tab, or restart with --samples DIR");
        }
        try {
            DesktopApp.launch(DemoSystem.settingsOf(system.config()), demo);
        } finally {
            system.close();
        }
        return 0;
    }
}
