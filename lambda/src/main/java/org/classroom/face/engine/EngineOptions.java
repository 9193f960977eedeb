package org.classroom.face.engine;

import org.classroom.face.match.MatchPolicy;
import org.classroom.face.segment.SegmentMerge;
import org.classroom.face.track.TrackingOptions;
import org.classroom.face.video.SamplingOptions;
import org.classroom.face.video.VideoLimits;

/**
 * How the engine works on a clip.
 *
 * @param match      when a face names a gallery person (tolerance, margin, pose gate)
 * @param detector   which detector
 * @param minScore   the detector's score threshold (0.4: finds Mr Bean at 0.47 and nothing spurious)
 * @param sampling   which frames to look at
 * @param earlyStop  stop sampling once every face seen is clearly decided (see {@link EarlyStop})
 * @param limits     what one clip may cost (frame size, time) before it is refused; none by default, since the
 *                   command line runs one's own recordings (the function sets its own: {@code FunctionSettings})
 */
public record EngineOptions(MatchPolicy match, DetectorChoice detector, double minScore, SamplingOptions sampling,
                            boolean earlyStop, VideoLimits limits) {

    public static final double DEFAULT_MIN_SCORE = 0.4;
    /** Stretches of one person less than this many sampling spacings apart are one appearance (jitter allowed). */
    public static final double JOIN_GAP_SPACINGS = 1.5;

    public EngineOptions {
        if (minScore <= 0 || minScore >= 1) {
            throw new IllegalArgumentException("detector score threshold must be in (0, 1), not " + minScore);
        }
    }

    public static EngineOptions defaults() {
        return new EngineOptions(MatchPolicy.defaults(), DetectorChoice.SSD, DEFAULT_MIN_SCORE,
                SamplingOptions.defaults(), true, VideoLimits.none());
    }

    /**
     * The merge of a long recording's segments, joining and telling people apart as the engine does in one run.
     * Across a boundary one run's tracker would have carried someone over the samples it may miss; a segment's
     * cannot, so the gap allowed there is that many spacings wider.
     */
    public SegmentMerge segmentMerge() {
        double spacing = sampling.maxSpacingSeconds();
        int missable = TrackingOptions.defaults(match.sameFaceDistance()).maxMissedSamples();
        return new SegmentMerge(JOIN_GAP_SPACINGS * spacing, (JOIN_GAP_SPACINGS + missable) * spacing,
                match.sameFaceDistance(), FilmstripLimit.fromEnvironment());
    }

    public double tolerance() {
        return match.tolerance();
    }

    public EngineOptions withTolerance(double tolerance) {
        return new EngineOptions(match.withTolerance(tolerance), detector, minScore, sampling, earlyStop, limits);
    }

    public EngineOptions withMatch(MatchPolicy policy) {
        return new EngineOptions(policy, detector, minScore, sampling, earlyStop, limits);
    }

    public EngineOptions withDetector(DetectorChoice choice) {
        return new EngineOptions(match, choice, minScore, sampling, earlyStop, limits);
    }

    public EngineOptions withMinScore(double score) {
        return new EngineOptions(match, detector, score, sampling, earlyStop, limits);
    }

    public EngineOptions withSampling(SamplingOptions options) {
        return new EngineOptions(match, detector, minScore, options, earlyStop, limits);
    }

    public EngineOptions withEarlyStop(boolean stop) {
        return new EngineOptions(match, detector, minScore, sampling, stop, limits);
    }

    public EngineOptions withLimits(VideoLimits videoLimits) {
        return new EngineOptions(match, detector, minScore, sampling, earlyStop, videoLimits);
    }
}
