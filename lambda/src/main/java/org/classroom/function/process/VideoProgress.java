package org.classroom.function.process;

import java.util.Optional;
import org.classroom.common.model.Progress;
import org.classroom.face.SamplingProgress;
import org.classroom.function.fanout.SegmentProgress;

/**
 * How far this invocation is with the video it holds, kept where the claim's renewals can read it: the engine says
 * how far it has looked, a fanned-out recording how many segments are done. Written by the working threads, read by
 * the renewal timer.
 */
public final class VideoProgress implements SamplingProgress, SegmentProgress {

    private volatile double fraction;
    private volatile int segmentsDone;
    private volatile int segments;
    private volatile boolean told;

    @Override
    public void reached(double reached) {
        fraction = Math.max(0, Math.min(1, reached));
        told = true;
    }

    @Override
    public void split(int segmentCount) {
        segments = segmentCount;
        segmentsDone = 0;
        fraction = 0;
        told = true;
    }

    /** Never backwards: a segment done here after a throttled one starts again from 0. */
    @Override
    public synchronized void ownSegment(double reached) {
        fraction = Math.max(fraction, Math.max(0, Math.min(1, reached)));
        told = true;
    }

    @Override
    public synchronized void segmentDone() {
        if (segments > 0 && segmentsDone < segments) {
            segmentsDone++;
            fraction = Math.max(fraction, (double) segmentsDone / segments);
        }
    }

    /** What to record with the next renewal; empty until there is something to say. */
    public Optional<Progress> current() {
        if (!told) {
            return Optional.empty();
        }
        int total = segments;
        return Optional.of(new Progress(fraction, Math.min(segmentsDone, total), total));
    }
}
