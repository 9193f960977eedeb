package org.classroom.cli.run;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ResultWatch} that looks for new results from a background thread at a fixed interval until
 * every expected video has one; subclasses say where to look.
 */
abstract class PollingWatch implements ResultWatch {

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final int expected;
    private final Duration interval;
    private final Thread thread;
    private volatile boolean running = true;

    PollingWatch(int expected, Duration interval, String name) {
        this.expected = expected;
        this.interval = interval;
        this.thread = new Thread(this::poll, name);
        thread.setDaemon(true);
    }

    /** Starts looking; called by the subclass once it is fully made. */
    final void start() {
        thread.start();
    }

    /** One look: put each newly found result into {@code found}, keyed by video, leaving the ones already there. */
    abstract void lookOnce(Map<String, Seen> found);

    @Override
    public final Map<String, Seen> seen() {
        return seen;
    }

    @Override
    public final boolean complete() {
        return seen.size() == expected;
    }

    private void poll() {
        while (running && !complete()) {
            lookOnce(seen);
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
