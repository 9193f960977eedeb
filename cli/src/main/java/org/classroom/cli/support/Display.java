package org.classroom.cli.support;

import java.util.Locale;

/** Whether a window can open: on Linux that needs an X11 or Wayland display; macOS and Windows always have one. */
public final class Display {

    private Display() {
    }

    public static boolean available() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return true;
        }
        return isSet(System.getenv("DISPLAY")) || isSet(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
