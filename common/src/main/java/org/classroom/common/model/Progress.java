package org.classroom.common.model;

import java.util.Locale;

/**
 * How far the function is with a video it is working on: the part of the recording looked at, and for a recording
 * split into segments, how many are done.
 *
 * @param fraction     0 to 1
 * @param segmentsDone segments finished (0 for a recording done whole)
 * @param segments     segments in all (0 for a recording done whole)
 */
public record Progress(double fraction, int segmentsDone, int segments) {

    public Progress {
        if (!(fraction >= 0 && fraction <= 1) || segmentsDone < 0 || segments < 0 || segmentsDone > segments) {
            throw new IllegalArgumentException("not a progress: " + fraction + ", " + segmentsDone + " of " + segments);
        }
    }

    /** {@code 42%}, or {@code 42%, 3 of 6 segments done}. */
    public String describe() {
        String percent = String.format(Locale.ROOT, "%.0f%%", Math.floor(fraction * 100));
        return segments == 0 ? percent : percent + ", " + segmentsDone + " of " + segments + " segments done";
    }
}
