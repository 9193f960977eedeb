package org.classroom.face.video;

/**
 * Which frames to take from a clip: the first, then one every {@code intervalSeconds}, at most
 * {@code maxFrames} in all. When the clip is longer than {@code intervalSeconds × maxFrames} the
 * interval stretches so that the samples still cover the whole clip.
 *
 * @param intervalSeconds       the least time between two samples
 * @param maxFrames             the most frames taken from one clip
 * @param skipNonReferenceFrames let the decoder drop frames no other frame needs (faster, and a sample
 *                              a few milliseconds off its target is as good)
 */
public record SamplingOptions(double intervalSeconds, int maxFrames, boolean skipNonReferenceFrames) {

    /** Seeking re-decodes from the previous key frame, so it only pays off for longer jumps. */
    static final double SEEK_THRESHOLD_SECONDS = 3.0;

    public SamplingOptions {
        if (!(intervalSeconds > 0)) {
            throw new IllegalArgumentException("sample interval must be above 0 s, not " + intervalSeconds);
        }
        if (maxFrames < 1) {
            throw new IllegalArgumentException("at least one frame must be sampled, not " + maxFrames);
        }
    }

    public static SamplingOptions defaults() {
        return new SamplingOptions(0.5, 10, true);
    }

    public SamplingOptions withMaxFrames(int frames) {
        return new SamplingOptions(intervalSeconds, frames, skipNonReferenceFrames);
    }

    public SamplingOptions withInterval(double seconds) {
        return new SamplingOptions(seconds, maxFrames, skipNonReferenceFrames);
    }

    /** The time between samples for a clip of this length (unknown length: the plain interval). */
    double intervalFor(double durationSeconds) {
        if (!(durationSeconds > 0)) {
            return intervalSeconds;
        }
        return Math.max(intervalSeconds, durationSeconds / maxFrames);
    }
}
