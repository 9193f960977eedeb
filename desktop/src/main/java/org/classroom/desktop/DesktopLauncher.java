package org.classroom.desktop;

import java.util.Map;

/**
 * The entry point when JavaFX is on the class path rather than the module path: a main class that is
 * not an {@code Application} subclass, so the launcher does not insist on the javafx modules.
 */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    public static void main(String[] args) {
        DesktopApp.launch(Map.of(), null, args);
    }
}
