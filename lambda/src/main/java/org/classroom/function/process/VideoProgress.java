package org.classroom.function.process;

import java.util.Optional;
import org.classroom.common.model.Progress;
import org.classroom.face.SamplingProgress;
import org.classroom.function.fanout.SegmentProgress;

/**
 * How far this invocation is with the video it holds, kept where the claim's renewals can read it: the engine says
 * how far it has looked; for a fanned-out recording, the segments done, plus the segment being done here, which
 * stands for each segment other invocations are doing at the same time (they are about as long and started
 * together). What it reports never goes backwards. Written by the working threads, read by the renewal timer.
 */
public final class VideoProgress implements SamplingProgress, SegmentProgress {

    private double reported;
    private double lookedAt;
    private int segments;
    private int segmentsDone;
    private int elsewhere;
    private boolean told;

    @Override
    public synchronized void reached(double fraction) {
        lookedAt = clamp(fraction);
        told = true;
    }

    @Override
    public synchronized void split(int segmentCount) {
        segments = segmentCount;
        segmentsDone = 0;
        elsewhere = 0;
        lookedAt = 0;
        told = true;
    }

    @Override
    public synchronized void ownSegment(double fraction) {
        lookedAt = clamp(fraction);
        told = true;
    }

    @Override
    public synchronized void startedElsewhere() {
        elsewhere++;
    }

    @Override
    public synchronized void endedElsewhere() {
        elsewhere = Math.max(0, elsewhere - 1);
    }

    @Override
    public synchronized void segmentDone(boolean here) {
        if (segments > 0 && segmentsDone < segments) {
            segmentsDone++;
        }
        if (here) {
            // The next segment done here starts from its beginning.
            lookedAt = 0;
        }
    }

    /** What to record with the next renewal; empty until there is something to say. */
    public synchronized Optional<Progress> current() {
        if (!told) {
            return Optional.empty();
        }
        double estimate = segments == 0 ? lookedAt
                : Math.min(1, (segmentsDone + lookedAt * (1 + elsewhere)) / segments);
        reported = Math.max(reported, estimate);
        return Optional.of(new Progress(reported, segmentsDone, segments));
    }

    private static double clamp(double fraction) {
        return Math.max(0, Math.min(1, fraction));
    }
}
