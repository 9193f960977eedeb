package org.classroom.function.runtime;

import java.util.Map;
import org.classroom.face.segment.SegmentPlan;

/**
 * When and how far a long recording is split across invocations (see {@code docs/fan-out.md}).
 *
 * @param segmentSeconds recordings longer than this are split into segments of about this length, done at
 *                       once by invocations of the function ({@code CLASSROOM_SEGMENT_SECONDS}; 0: never split)
 * @param maxSegments    the most segments, so invocations at once, per recording ({@code CLASSROOM_MAX_SEGMENTS})
 * @param attempts       tries per segment before the video fails and its message is retried
 *                       ({@code CLASSROOM_SEGMENT_ATTEMPTS})
 */
public record FanOutSettings(long segmentSeconds, int maxSegments, int attempts) {

    public FanOutSettings {
        if (maxSegments < 1 || attempts < 1) {
            throw new IllegalArgumentException("CLASSROOM_MAX_SEGMENTS and CLASSROOM_SEGMENT_ATTEMPTS must be at least 1");
        }
    }

    public static FanOutSettings defaults() {
        return new FanOutSettings((long) SegmentPlan.DEFAULT_SEGMENT_SECONDS, SegmentPlan.DEFAULT_MAX_SEGMENTS, 2);
    }

    public static FanOutSettings never() {
        return new FanOutSettings(0, 1, 1);
    }

    static FanOutSettings fromEnvironment(Map<String, String> environment, EnvironmentNumbers numbers) {
        FanOutSettings defaults = defaults();
        return new FanOutSettings(numbers.read(environment, "CLASSROOM_SEGMENT_SECONDS", defaults.segmentSeconds),
                (int) numbers.read(environment, "CLASSROOM_MAX_SEGMENTS", defaults.maxSegments),
                (int) numbers.read(environment, "CLASSROOM_SEGMENT_ATTEMPTS", defaults.attempts));
    }

    public boolean enabled() {
        return segmentSeconds > 0 && maxSegments > 1;
    }

    /** The plan for recordings sampled at most {@code spacingSeconds} apart; only when {@link #enabled()}. */
    public SegmentPlan plan(double spacingSeconds) {
        return new SegmentPlan(segmentSeconds, maxSegments, spacingSeconds);
    }

    /** Reads one whole number of the environment, or its default. */
    @FunctionalInterface
    interface EnvironmentNumbers {
        long read(Map<String, String> environment, String variable, long fallback);
    }
}
