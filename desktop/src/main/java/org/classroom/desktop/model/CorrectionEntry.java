package org.classroom.desktop.model;

import java.time.Instant;

/**
 * One line of the corrections log.
 *
 * @param at      when it was made
 * @param what    what was done, e.g. {@code This is…}, {@code Not this student}, {@code Undo: This is…}
 * @param video   the video whose row was corrected
 * @param person  the row as it read: a student's name or "Unknown person N"
 * @param student the student the correction is about
 */
public record CorrectionEntry(Instant at, String what, String video, String person, String student) {
}
