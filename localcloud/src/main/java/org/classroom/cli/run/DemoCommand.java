package org.classroom.cli.run;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.classroom.cli.ConfigOptions;
import org.classroom.cli.Display;
import org.classroom.cli.UserError;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.desktop.DesktopApp;
import org.classroom.localsystem.DemoDefaults;
import org.classroom.localsystem.DemoSystem;
import org.classroom.localsystem.LocalSystem;
import org.classroom.localsystem.LocalSystemOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code classroom demo}: the whole system on this machine with the desktop window connected to it. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts the local cloud, provisions it, starts the function and the relay, and opens the "
                + "desktop connected to them. State is kept under the data folder, so a restarted demo keeps its "
                + "uploads and results.",
                "Without a display, use `classroom process` instead."})
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "Course hand-out folder: load its students and gallery (otherwise the roster starts empty).")
    Path samples;

    @Option(names = "--data", paramLabel = "DIR", description = "Where the demo keeps its state (default: ${DEFAULT-VALUE}).")
    Path dataDir = DemoDefaults.dataDir();

    @Option(names = "--fresh", description = "Keep nothing: state in memory, results in a temporary folder.")
    boolean fresh;

    @Option(names = "--port", defaultValue = "" + DemoDefaults.CLOUD_PORT, paramLabel = "N",
            description = "The local cloud's port (default ${DEFAULT-VALUE}).")
    int cloudPort;

    @Option(names = "--relay-port", defaultValue = "" + DemoDefaults.RELAY_PORT, paramLabel = "N",
            description = "The relay API's port (default ${DEFAULT-VALUE}).")
    int relayPort;

    @Override
    public Integer call() throws Exception {
        if (!Display.available()) {
            throw new UserError("demo needs a display (none found: DISPLAY is not set). Headless, the same system runs "
                    + "with: ./classroom process --samples DIR PATH...");
        }
        LocalSystemOptions options = fresh
                ? new LocalSystemOptions(samples, null, cloudPort, relayPort,
                        java.nio.file.Files.createTempDirectory("classroom-demo-results-"), LocalSystemOptions.defaultConcurrency())
                : new LocalSystemOptions(samples, dataDir.resolve("cloud"), cloudPort, relayPort, dataDir.resolve("results"),
                        LocalSystemOptions.defaultConcurrency());
        System.err.println("demo: starting the local system" + (fresh ? "" : " (state in " + dataDir + ")") + "...");
        DemoSystem demo = new DemoSystem(options);
        ClassroomConfig config = demo.start(configOptions.load());
        LocalSystem system = demo.running().orElseThrow();
        System.err.println("demo: local cloud " + system.cloud().endpoint() + ", relay " + system.relay().apiUrl()
                + ", results in " + system.resultsDir());
        if (samples == null) {
            System.err.println("demo: no --samples, so the roster is empty: add students and enrol their faces in the "
                    + "Roster tab, or restart with --samples DIR");
        }
        try {
            DesktopApp.launch(DemoSystem.settingsOf(config), demo);
        } finally {
            system.close();
        }
        return 0;
    }
}
