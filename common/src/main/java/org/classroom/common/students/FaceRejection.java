package org.classroom.common.students;

import java.util.Objects;
import org.classroom.common.model.FaceBox;

/**
 * "Not this student": a user's word that the face at {@code box} (best view at {@code frameSeconds}) of
 * {@code video} is not {@code student}. Kept with the student's row, so it applies to every later run of
 * the video, on every desktop of the account, and goes with the student when they are removed.
 *
 * @param id a fresh id per correction, so that its undo removes just this one
 */
public record FaceRejection(String id, String student, String video, double frameSeconds, FaceBox box) {

    public FaceRejection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(box, "box");
    }

    /** Whether a face seen at {@code other} in {@code otherVideo} is this face: same video, boxes mostly overlapping. */
    public boolean covers(String otherVideo, FaceBox other) {
        return video.equals(otherVideo) && other != null && overlap(box, other) >= SAME_FACE_OVERLAP;
    }

    /**
     * Intersection over union at which two best-view boxes are one face: a run of the same clip puts the box
     * within a few pixels; another person is elsewhere in the frame.
     */
    static final double SAME_FACE_OVERLAP = 0.5;

    static double overlap(FaceBox a, FaceBox b) {
        long left = Math.max(a.x(), b.x());
        long top = Math.max(a.y(), b.y());
        long right = Math.min((long) a.x() + a.width(), (long) b.x() + b.width());
        long bottom = Math.min((long) a.y() + a.height(), (long) b.y() + b.height());
        long intersection = Math.max(0, right - left) * Math.max(0, bottom - top);
        long union = (long) a.width() * a.height() + (long) b.width() * b.height() - intersection;
        return union <= 0 ? 0 : (double) intersection / union;
    }
}
