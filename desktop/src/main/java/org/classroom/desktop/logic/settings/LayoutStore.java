package org.classroom.desktop.logic.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** Remembers the window's size, position and divider positions between runs. */
public interface LayoutStore {

    double get(String key, double fallback);

    void put(String key, double value);

    /** Writes pending values out. */
    default void flush() {
    }

    /** Kept with {@link java.util.prefs.Preferences} for this user. */
    static LayoutStore preferences() {
        Preferences node = Preferences.userRoot().node("org/classroom/desktop");
        return new LayoutStore() {
            @Override
            public double get(String key, double fallback) {
                return node.getDouble(key, fallback);
            }

            @Override
            public void put(String key, double value) {
                node.putDouble(key, value);
            }

            @Override
            public void flush() {
                try {
                    node.flush();
                } catch (BackingStoreException e) {
                    // the layout is a convenience; losing it is harmless
                }
            }
        };
    }

    /** Kept in memory only (tests, screenshots). */
    static LayoutStore inMemory() {
        Map<String, Double> values = new HashMap<>();
        return new LayoutStore() {
            @Override
            public double get(String key, double fallback) {
                return values.getOrDefault(key, fallback);
            }

            @Override
            public void put(String key, double value) {
                values.put(key, value);
            }
        };
    }
}
