package org.classroom.function.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.classroom.common.model.Student;

/**
 * Student records by name, read from the table with GetItem and kept while the container is warm
 * (for the gallery's maximum age). A gallery name with no row is remembered as unrecorded too, so it
 * costs one read per container, not one per video.
 */
public final class StudentDirectory {

    private final Function<String, Optional<Student>> lookup;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public StudentDirectory(Function<String, Optional<Student>> lookup, Duration maxAge, Clock clock) {
        this.lookup = lookup;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The record of a gallery person; {@link Student#unrecorded(String)} when the table has none. */
    public Student get(String name) {
        Instant now = clock.instant();
        Entry entry = entries.get(name);
        if (entry != null && now.isBefore(entry.readAt.plus(maxAge))) {
            return entry.student;
        }
        Student student = lookup.apply(name).orElseGet(() -> Student.unrecorded(name));
        entries.put(name, new Entry(student, now));
        return student;
    }

    public void forget(String name) {
        entries.remove(name);
    }

    private record Entry(Student student, Instant readAt) {
    }
}
