package org.classroom.localsystem;

import java.nio.file.Path;

/** Where the demo keeps its state and which ports it uses, unless told otherwise. */
public final class DemoDefaults {

    public static final int CLOUD_PORT = 4566;
    public static final int RELAY_PORT = 8080;

    private DemoDefaults() {
    }

    /** {@code $XDG_DATA_HOME/classroom/demo}, or {@code ~/.local/share/classroom/demo}. */
    public static Path dataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("classroom").resolve("demo");
    }

    public static LocalSystemOptions options(Path samples) {
        return LocalSystemOptions.persistent(samples, dataDir(), CLOUD_PORT, RELAY_PORT);
    }
}
