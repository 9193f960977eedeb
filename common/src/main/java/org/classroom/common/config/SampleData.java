package org.classroom.common.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the course's hand-out data is: the {@code classroom.samples} system property, else the
 * {@code CLASSROOM_SAMPLES} environment variable, else {@code ../shared/data/cse546}. Tests and
 * commands use this one setting.
 */
public final class SampleData {

    public static final String PROPERTY = "classroom.samples";
    public static final String ENVIRONMENT_VARIABLE = "CLASSROOM_SAMPLES";
    public static final String DEFAULT_LOCATION = "../shared/data/cse546";
    /** Set (to {@code true}) where the data must be there, as in CI: then its absence is an error, not a skip. */
    public static final String REQUIRED_VARIABLE = "CLASSROOM_SAMPLES_REQUIRED";
    public static final String HOW_TO_GET = "the course hand-out (videos/, student_data.json, encoding, mapping,"
            + " expected.csv), as published in the public repository nehavadnere/cse546-project-lambda;"
            + " point -D" + PROPERTY + "=DIR or " + ENVIRONMENT_VARIABLE + "=DIR at it";

    private SampleData() {
    }

    public static Path location() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT_VARIABLE);
        }
        if (value == null || value.isBlank()) {
            value = DEFAULT_LOCATION;
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    /**
     * The folder, when it holds the course's clips.
     *
     * @throws IllegalStateException when it does not and {@value #REQUIRED_VARIABLE} is set: a CI machine
     *                               without the data must not go green with the core untested
     */
    public static Optional<Path> find() {
        Path location = location();
        if (Files.isDirectory(location.resolve("videos"))) {
            return Optional.of(location);
        }
        if (required()) {
            throw new IllegalStateException(REQUIRED_VARIABLE + " is set but " + missingMessage());
        }
        return Optional.empty();
    }

    private static boolean required() {
        String value = System.getenv(REQUIRED_VARIABLE);
        return value != null && !value.isBlank() && !value.equalsIgnoreCase("false") && !value.equals("0");
    }

    /** Why a test that needs the data could not run, naming the setting. */
    public static String missingMessage() {
        return "course data not found at " + location() + "; these tests need " + HOW_TO_GET;
    }
}
