package org.classroom.desktop.logic.corrections;

import org.classroom.common.model.FaceBox;

/**
 * Corrections of results in the cloud: enrolling a face a result showed, saying a match is wrong, and
 * having clips matched again after either. Blocking I/O: call it off the UI thread.
 */
public interface FaceCorrections extends AutoCloseable {

    /**
     * Asks the function to enrol the face at {@code box} in the frame at {@code frameSeconds} of {@code video}
     * as {@code student}; returns the enrolment key whose result tells how it went.
     *
     * @param etag the version of the video the result was made from (the function refuses if it was replaced
     *             since); null when not known, to take the current one
     */
    String enrolFace(String student, String video, String etag, double frameSeconds, FaceBox box);

    /**
     * Records that the face at {@code box} of {@code video} is not {@code student}; every later run of the video
     * reports that face as unknown. Returns the correction's id.
     */
    String reject(String student, String video, double frameSeconds, FaceBox box);

    /** Takes out the encoding the enrolment {@code enrolmentKey} added to {@code student} (its undo). */
    void unenrolFace(String student, String enrolmentKey);

    /** Removes a {@link #reject} correction (its undo). */
    void unreject(String student, String id);

    /** Announces {@code video} again without changing it, so the function matches it against today's gallery. */
    void matchAgain(String video);

    @Override
    void close();
}
