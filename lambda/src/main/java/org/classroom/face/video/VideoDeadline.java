package org.classroom.face.video;

import java.time.Duration;
import java.time.Instant;

/** The time one video may still take, started when it is opened. */
final class VideoDeadline {

    private final VideoLimits limits;
    private final Instant started;

    VideoDeadline(VideoLimits limits) {
        this.limits = limits;
        this.started = limits.clock().instant();
    }

    /** Ends the video once its time is up: a clip that takes this long is refused rather than retried. */
    void check() throws InvalidVideoException {
        Duration spent = Duration.between(started, limits.clock().instant());
        if (spent.compareTo(limits.deadline()) > 0) {
            throw new InvalidVideoException("processing stopped after " + limits.deadline().toSeconds() + " s ("
                    + VideoLimits.DEADLINE_SETTING + ")");
        }
    }
}
