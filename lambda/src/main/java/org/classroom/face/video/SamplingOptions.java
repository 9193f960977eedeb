package org.classroom.face.video;

/**
 * Which frames to take from a clip.
 *
 * <p>A short clip (up to two {@code maxSpacingSeconds}, like the course's 1–2 s clips): the first frame,
 * then one every {@code intervalSeconds}, at most {@code maxFrames} in all; when the clip is longer than
 * {@code intervalSeconds × maxFrames} the interval stretches so that the samples still cover it.
 *
 * <p>A longer clip (a lecture): its key frames, which decode on their own, and frames added between key
 * frames further apart than {@code maxSpacingSeconds}, so that anyone on screen that long is seen; no
 * frame budget (the cost grows with the length, at one sample per few seconds).
 *
 * @param intervalSeconds        the least time between two samples of a short clip
 * @param maxFrames              the most frames taken from a short clip
 * @param skipNonReferenceFrames let the decoder drop frames no other frame needs (faster, and a sample
 *                               a few milliseconds off its target is as good)
 * @param maxSpacingSeconds      the most time between two samples of a long clip
 */
public record SamplingOptions(double intervalSeconds, int maxFrames, boolean skipNonReferenceFrames,
                              double maxSpacingSeconds) {

    /** Seeking re-decodes from the previous key frame, so it only pays off for longer jumps. */
    static final double SEEK_THRESHOLD_SECONDS = 3.0;
    /**
     * Anyone on screen this long is in a sample. Cameras and screen recorders often put key frames this far apart
     * or closer, and then every sample is a key frame: nothing between them is decoded.
     */
    public static final double DEFAULT_MAX_SPACING_SECONDS = 10.0;

    public SamplingOptions {
        if (!(intervalSeconds > 0)) {
            throw new IllegalArgumentException("sample interval must be above 0 s, not " + intervalSeconds);
        }
        if (maxFrames < 1) {
            throw new IllegalArgumentException("at least one frame must be sampled, not " + maxFrames);
        }
        if (!(maxSpacingSeconds >= intervalSeconds)) {
            throw new IllegalArgumentException("the longest spacing between samples (" + maxSpacingSeconds
                    + " s) cannot be below the interval (" + intervalSeconds + " s)");
        }
    }

    public SamplingOptions(double intervalSeconds, int maxFrames, boolean skipNonReferenceFrames) {
        this(intervalSeconds, maxFrames, skipNonReferenceFrames,
                Math.max(intervalSeconds, DEFAULT_MAX_SPACING_SECONDS));
    }

    public static SamplingOptions defaults() {
        return new SamplingOptions(0.5, 10, true, DEFAULT_MAX_SPACING_SECONDS);
    }

    public SamplingOptions withMaxFrames(int frames) {
        return new SamplingOptions(intervalSeconds, frames, skipNonReferenceFrames, maxSpacingSeconds);
    }

    public SamplingOptions withInterval(double seconds) {
        return new SamplingOptions(seconds, maxFrames, skipNonReferenceFrames, Math.max(seconds, maxSpacingSeconds));
    }

    public SamplingOptions withMaxSpacing(double seconds) {
        return new SamplingOptions(intervalSeconds, maxFrames, skipNonReferenceFrames, seconds);
    }

    /**
     * Whether a clip this long is sampled the short way. Anyone on screen for two spacings or more in such
     * a clip is on screen for all of it, so in the first frame: stopping early cannot hide them. Unknown
     * length counts as long.
     */
    public boolean isShort(double durationSeconds) {
        return durationSeconds > 0 && durationSeconds <= 2 * maxSpacingSeconds;
    }

    /** The time between samples of a short clip of this length (unknown length: the plain interval). */
    double intervalFor(double durationSeconds) {
        if (!(durationSeconds > 0)) {
            return intervalSeconds;
        }
        return Math.max(intervalSeconds, durationSeconds / maxFrames);
    }
}
