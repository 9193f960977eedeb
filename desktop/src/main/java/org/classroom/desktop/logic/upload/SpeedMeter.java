package org.classroom.desktop.logic.upload;

import java.util.ArrayDeque;
import java.util.Deque;

/** Bytes per second over the last couple of seconds, so the figure follows the link, not the average. */
final class SpeedMeter {

    private static final long WINDOW_NANOS = 2_000_000_000L;

    private record Sample(long nanos, long bytes) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    synchronized void record(long nanos, long bytes) {
        samples.addLast(new Sample(nanos, bytes));
        while (samples.size() > 2 && nanos - samples.peekFirst().nanos() > WINDOW_NANOS) {
            samples.removeFirst();
        }
    }

    synchronized double bytesPerSecond() {
        if (samples.size() < 2) {
            return 0;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        long nanos = last.nanos() - first.nanos();
        return nanos <= 0 ? 0 : (last.bytes() - first.bytes()) * 1e9 / nanos;
    }

    synchronized void reset() {
        samples.clear();
    }
}
