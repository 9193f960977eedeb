package org.classroom.localcloud;

import java.nio.file.Path;
import java.util.Map;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;

/** Configurations for tests: the built-in defaults, untouched by the user's environment or config file. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static ClassroomConfig defaults() {
        return new ConfigLoader(Map.of(), Path.of("/nonexistent/classroom.properties")).load(Map.of());
    }
}
