package org.classroom.localsystem;

import java.util.Map;
import java.util.Optional;
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

    /** The settings a desktop needs to reach a running system, as setting keys. */
    public static Map<String, String> settingsOf(ClassroomConfig config) {
        return Map.of(
                Setting.ENDPOINT.key(), config.endpointOverride().map(Object::toString).orElse(""),
                Setting.REGION.key(), config.region(),
                Setting.RELAY_URL.key(), config.relayUrl() == null ? "" : config.relayUrl().toString(),
                Setting.RELAY_TOKEN.key(), config.relayToken() == null ? "" : config.relayToken());
    }
}
