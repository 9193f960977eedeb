package org.classroom.common.model;

import java.util.Objects;

/**
 * A row of the student table. {@code id}, {@code major} and {@code year} are null for a gallery
 * person without a student record (the course's gallery has three such names).
 */
public record Student(String name, Integer id, String major, String year) {

    public Student {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a student needs a name");
        }
    }

    /** A gallery name with no student record. */
    public static Student unrecorded(String name) {
        return new Student(name, null, null, null);
    }

    public boolean hasRecord() {
        return id != null || major != null || year != null;
    }
}
