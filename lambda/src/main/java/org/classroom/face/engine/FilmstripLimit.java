package org.classroom.face.engine;

import java.util.Map;
import org.classroom.face.evidence.Filmstrip;

/**
 * How many thumbnails a video's filmstrip may hold: {@code CLASSROOM_FILMSTRIP_MAX} (default
 * {@value Filmstrip#DEFAULT_MAX}, at least 1). Read from the environment, as the function's
 * other limits are, so that an operator can change it without a new build.
 */
final class FilmstripLimit {

    static final String SETTING = "CLASSROOM_FILMSTRIP_MAX";

    private FilmstripLimit() {
    }

    static int fromEnvironment() {
        return parse(System.getenv());
    }

    static int parse(Map<String, String> environment) {
        String value = environment.get(SETTING);
        if (value == null || value.isBlank()) {
            return Filmstrip.DEFAULT_MAX;
        }
        try {
            int max = Integer.parseInt(value.trim());
            if (max >= 1) {
                return max;
            }
        } catch (NumberFormatException e) {
            // refused below, with the setting's name
        }
        throw new IllegalArgumentException(SETTING + " must be a whole number of at least 1, not " + value);
    }
}
