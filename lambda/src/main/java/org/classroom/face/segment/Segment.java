package org.classroom.face.segment;

/**
 * A stretch of a recording that one invocation works on: samples at {@code fromSeconds} and after, up to but
 * not including {@code toSeconds} (the next segment's first sample), in seconds from the start of the recording.
 *
 * @param index       its place in the recording, from 0
 * @param fromSeconds where it starts
 * @param toSeconds   where the next one starts (the recording's length for the last)
 */
public record Segment(int index, double fromSeconds, double toSeconds) {

    public Segment {
        if (index < 0 || fromSeconds < 0 || !(toSeconds > fromSeconds)) {
            throw new IllegalArgumentException("not a segment: #" + index + " " + fromSeconds + "–" + toSeconds + " s");
        }
    }

    public double seconds() {
        return toSeconds - fromSeconds;
    }

    public boolean contains(double seconds) {
        return seconds >= fromSeconds && seconds < toSeconds;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "segment %d (%.1f–%.1f s)", index, fromSeconds, toSeconds);
    }
}
