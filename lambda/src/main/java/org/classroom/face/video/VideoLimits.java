package org.classroom.face.video;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What one video may cost, so that a hostile clip ends as a refusal instead of running the function out of
 * memory or time: the size of its frames, checked when it is opened, and the time spent on it, checked as
 * its frames are taken. The function's defaults pass a 90-minute 1080p lecture.
 *
 * @param maxFramePixels the most pixels in one frame (width × height)
 * @param deadline       the longest a video is worked on, from opening it to its last sample
 * @param clock          what the deadline is measured with (a test's clock may jump)
 */
public record VideoLimits(long maxFramePixels, Duration deadline, Clock clock) {

    /** The settings that set these limits in the function, named in the reasons so a user knows what to raise. */
    public static final String MAX_FRAME_PIXELS_SETTING = "CLASSROOM_MAX_FRAME_PIXELS";
    public static final String DEADLINE_SETTING = "CLASSROOM_VIDEO_DEADLINE_SECONDS";

    /** 4K UHD (3840×2160): no camera a lecture is filmed with gives more; larger frames are refused. */
    public static final long DEFAULT_MAX_FRAME_PIXELS = 3840L * 2160;
    /** A 90-minute 1080p lecture takes a few minutes; ten leave room and stay under Lambda's 15-minute ceiling. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);

    public VideoLimits {
        if (maxFramePixels < 1) {
            throw new IllegalArgumentException(MAX_FRAME_PIXELS_SETTING + " must be at least 1, not " + maxFramePixels);
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException(DEADLINE_SETTING + " must be at least 1 s, not " + deadline.toSeconds());
        }
        Objects.requireNonNull(clock, "clock");
    }

    public VideoLimits(long maxFramePixels, Duration deadline) {
        this(maxFramePixels, deadline, Clock.systemUTC());
    }

    /** No limit: for one's own recordings on one's own machine, which may be any size and take any time. */
    public static VideoLimits none() {
        return new VideoLimits(Long.MAX_VALUE, ChronoUnit.FOREVER.getDuration());
    }

    /** Refuses a video whose frames are larger than the limit, before any is decoded. */
    void checkFrame(int width, int height) throws InvalidVideoException {
        if ((long) width * height > maxFramePixels) {
            throw new InvalidVideoException("frame " + width + "x" + height + " exceeds the " + maxFramePixels
                    + "-pixel limit (" + MAX_FRAME_PIXELS_SETTING + ")");
        }
    }
}
