package org.classroom.cli.run;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.classroom.common.model.Progress;

/**
 * Progress while {@code process} waits: a long recording can take minutes, and silence looks like a hang.
 * Every so often it says how long the run has waited and which videos are still out, each with how far the function
 * is with it when it says (the part looked at, and segments done). Standard error only, so that standard output
 * stays the results alone.
 */
final class WaitingLines {

    /** Names listed in one line at most; a big batch is summarised by its count. */
    private static final int NAMES_SHOWN = 5;

    private final PrintWriter log;
    private final Function<String, Optional<Progress>> progress;
    private final long everyNanos;
    private final LongSupplier nanoClock;
    private final long started;
    private long lastLine;

    WaitingLines(PrintWriter log, Function<String, Optional<Progress>> progress, Duration every, LongSupplier nanoClock) {
        this.log = log;
        this.progress = progress;
        this.everyNanos = every.toNanos();
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.lastLine = started;
    }

    /** @param progress how far the function is with a video, when it can be told */
    static WaitingLines everyTenSeconds(PrintWriter log, Function<String, Optional<Progress>> progress) {
        return new WaitingLines(log, progress, Duration.ofSeconds(10), System::nanoTime);
    }

    /** Seconds since waiting began, for the line printed as each result arrives. */
    double elapsedSeconds() {
        return (nanoClock.getAsLong() - started) / 1e9;
    }

    /** Called at each poll with the videos still without a result; prints when a line is due. */
    void stillWaiting(Collection<String> pending) {
        long now = nanoClock.getAsLong();
        if (pending.isEmpty() || now - lastLine < everyNanos) {
            return;
        }
        lastLine = now;
        String names = String.join(", ", pending.stream().limit(NAMES_SHOWN).map(this::withProgress).toList())
                + (pending.size() > NAMES_SHOWN ? ", ..." : "");
        log.printf(Locale.ROOT, "process: %.0f s: still waiting for %d video%s: %s%n", elapsedSeconds(),
                pending.size(), pending.size() == 1 ? "" : "s", names);
        log.flush();
    }

    private String withProgress(String video) {
        return video + progress.apply(video).map(known -> " (" + known.describe() + ")").orElse("");
    }
}
