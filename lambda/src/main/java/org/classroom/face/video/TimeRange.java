package org.classroom.face.video;

/**
 * The part of a clip to sample: frames at {@code fromSeconds} and after, before {@code toSeconds}.
 *
 * @param fromSeconds the first sample's time
 * @param toSeconds   where sampling stops (infinite: the clip's end)
 */
public record TimeRange(double fromSeconds, double toSeconds) {

    private static final TimeRange WHOLE = new TimeRange(0, Double.POSITIVE_INFINITY);

    public TimeRange {
        if (fromSeconds < 0 || !(toSeconds > fromSeconds)) {
            throw new IllegalArgumentException("not a time range: " + fromSeconds + " to " + toSeconds + " s");
        }
    }

    /** All of the clip. */
    public static TimeRange whole() {
        return WHOLE;
    }

    public boolean isWhole() {
        return equals(WHOLE);
    }
}
