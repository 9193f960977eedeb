package org.classroom.localcloud.edge;

import java.util.concurrent.Semaphore;

/**
 * How many request-body bytes the edge holds at once. A body is held whole (and again by the stand-in it goes
 * to), and a client uploading in parts sends many parts at once (the SDK's multipart upload, dozens): without a
 * budget, the edge's memory would grow with the client's concurrency. A request waits for room instead.
 */
final class BodyBudget {

    private static final int UNIT = 1024;

    private final Semaphore units;
    private final int totalUnits;

    BodyBudget(long bytes) {
        this.totalUnits = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / UNIT));
        // Not fair: a small request (a queue poll, a table write) goes on while a large one waits for room.
        this.units = new Semaphore(totalUnits);
    }

    /** Waits until {@code bytes} fit in the budget and takes them; release with {@link Taken#close()}. */
    Taken take(long bytes) throws InterruptedException {
        int wanted = (int) Math.min(totalUnits, (bytes + UNIT - 1) / UNIT);
        units.acquire(wanted);
        return () -> units.release(wanted);
    }

    /** Room taken by one request, given back when its body has been passed on. */
    interface Taken extends AutoCloseable {
        @Override
        void close();
    }
}
