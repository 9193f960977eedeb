package org.classroom.function.fanout;

import org.classroom.face.video.FrameSampler;
import org.classroom.face.video.InvalidVideoException;
import org.classroom.face.video.RandomAccessInput;
import org.classroom.face.video.SamplingOptions;
import org.classroom.face.video.VideoLimits;

/**
 * How long a recording is, from its container's header and index, read where it lies (no frame is decoded
 * and nothing is downloaded: a few ranged GETs).
 */
public final class RecordingLength {

    private RecordingLength() {
    }

    /** Its length in seconds; 0 when unknown or not a video (the whole-video path then says why). */
    public static double seconds(RandomAccessInput video, String name) {
        try (FrameSampler sampler = FrameSampler.open(video, name, SamplingOptions.defaults(), VideoLimits.none())) {
            return sampler.info().durationSeconds();
        } catch (InvalidVideoException e) {
            return 0;
        }
    }
}
