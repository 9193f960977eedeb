package org.classroom.localsystem;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.Setting;
import org.classroom.desktop.logic.settings.LocalDemo;

/**
 * The desktop's "run the local demo" choice: starts the local system in this JVM and hands the desktop
 * the settings that reach it. Found by the desktop through {@link java.util.ServiceLoader}.
 */
public final class DemoSystem implements LocalDemo {

    private final LocalSystemOptions options;
    private volatile LocalSystem running;

    /** For the service loader: the demo's usual options. */
    public DemoSystem() {
        this(DemoDefaults.options(null));
    }

    public DemoSystem(LocalSystemOptions options) {
        this.options = options;
    }

    /** A demo whose system is already running: the desktop's "start the demo" then just connects to it. */
    public static DemoSystem running(LocalSystem system) {
        DemoSystem demo = new DemoSystem(null);
        demo.running = system;
        return demo;
    }

    @Override
    public synchronized ClassroomConfig start(ClassroomConfig base) {
        if (running == null) {
            running = LocalSystem.start(base, options);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "demo-shutdown"));
        }
        return running.config();
    }

    public Optional<LocalSystem> running() {
        return Optional.ofNullable(running);
    }

    /**
     * The settings a desktop needs to reach a running system, as setting keys: all of them, so that names
     * given to {@code demo --set ...} (buckets, tables) reach the desktop as they reached the system; the desktop
     * uses its own access key, so that the local cloud holds it to the template's desktop policy.
     */
    public static Map<String, String> settingsOf(ClassroomConfig config) {
        Map<String, String> settings = new TreeMap<>();
        config.withLocalKey(Parts.DESKTOP).settings().forEach((setting, value) -> {
            if (setting != Setting.PROFILE && setting != Setting.RESULTS_DIR) {
                settings.put(setting.key(), value == null ? "" : value);
            }
        });
        return settings;
    }
}
