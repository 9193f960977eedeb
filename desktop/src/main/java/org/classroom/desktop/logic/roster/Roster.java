package org.classroom.desktop.logic.roster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.classroom.common.model.Student;

/** The students and enrolment of their faces. Blocking I/O: call it off the UI thread. */
public interface Roster extends AutoCloseable {

    /** Every person in the table, sorted by name. */
    List<Student> list();

    /** Adds or updates a student's record (their face encodings are kept). */
    void save(Student student);

    void remove(String name);

    /**
     * Sends a photo or clip of the student's face for enrolment; returns the input-bucket key whose
     * result tells how it went.
     */
    String enrol(String name, Path file) throws IOException;

    @Override
    void close();
}
