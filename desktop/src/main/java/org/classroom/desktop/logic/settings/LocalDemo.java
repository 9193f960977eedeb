package org.classroom.desktop.logic.settings;

import java.util.Optional;
import java.util.ServiceLoader;
import org.classroom.common.config.ClassroomConfig;

/**
 * Starts the one-machine demo (local cloud, function and relay) for the first-run dialog. The desktop
 * does not carry the local cloud; the {@code classroom} command line provides this through
 * {@link ServiceLoader} or {@link org.classroom.desktop.DesktopApp#launch}.
 */
public interface LocalDemo {

    /** Starts the demo (blocking, minutes at most) and returns the configuration that reaches it. */
    ClassroomConfig start(ClassroomConfig base) throws Exception;

    /** The implementation on the class path, if any. */
    static Optional<LocalDemo> find() {
        return ServiceLoader.load(LocalDemo.class).findFirst();
    }
}
