package org.classroom.face.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * How a long recording is split for invocations to work on at once. A recording up to {@code segmentSeconds}
 * long is one piece. A longer one is split into as few pieces as keep each within {@code segmentSeconds}, at
 * most {@code maxSegments} (beyond that the pieces grow instead), all about as long: the wall time is the
 * longest piece's, so equal pieces finish soonest. Boundaries fall on multiples of {@code alignSeconds} (the
 * sampling spacing), so that the samples on both sides of a boundary are one spacing apart, as anywhere else.
 *
 * @param segmentSeconds the longest recording kept whole, and the longest piece while pieces are not capped
 * @param maxSegments    the most pieces (invocations at once) for one recording
 * @param alignSeconds   boundaries fall on multiples of this
 */
public record SegmentPlan(double segmentSeconds, int maxSegments, double alignSeconds) {

    /** Ten minutes: on this project's machine the engine takes about 8 s for that much 720p. */
    public static final double DEFAULT_SEGMENT_SECONDS = 600;
    /**
     * A 90-minute lecture in nine 10-minute pieces. Each piece is an invocation at once, and a new account's
     * concurrency can be as low as 10: more pieces would only be throttled (and done by the coordinator).
     */
    public static final int DEFAULT_MAX_SEGMENTS = 10;

    public SegmentPlan {
        if (!(alignSeconds > 0)) {
            throw new IllegalArgumentException("segment boundaries need a spacing above 0 s, not " + alignSeconds);
        }
        // A piece shorter than a few samples would be sampled the short-clip way, and cost more to start than to run.
        if (!(segmentSeconds >= 4 * alignSeconds)) {
            throw new IllegalArgumentException("segments must be at least " + 4 * alignSeconds + " s long, not "
                    + segmentSeconds);
        }
        if (maxSegments < 1) {
            throw new IllegalArgumentException("at least one segment, not " + maxSegments);
        }
    }

    /** Whether a recording this long is split (an unknown length, 0, is not). */
    public boolean splits(double durationSeconds) {
        return durationSeconds > segmentSeconds && maxSegments > 1;
    }

    /** The pieces of a recording this long, in order, covering it without gaps or overlaps. */
    public List<Segment> split(double durationSeconds) {
        if (!(durationSeconds > 0)) {
            throw new IllegalArgumentException("a recording of unknown length cannot be split");
        }
        if (!splits(durationSeconds)) {
            return List.of(new Segment(0, 0, durationSeconds));
        }
        int count = Math.min(maxSegments, (int) Math.ceil(durationSeconds / segmentSeconds));
        double length = Math.ceil(durationSeconds / count / alignSeconds) * alignSeconds;
        List<Segment> segments = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            double from = index * length;
            double to = Math.min(durationSeconds, from + length);
            if (to > from) {
                segments.add(new Segment(index, from, to));
            }
        }
        return segments;
    }
}
