package org.classroom.cli.run;

import java.time.Instant;
import java.util.Map;

/** Notes when each expected video's result first appears, and what it holds (the course's line format). */
public interface ResultWatch extends AutoCloseable {

    /** A result as first seen. */
    record Seen(Instant at, String content) {
    }

    /** By video key, the results seen so far. */
    Map<String, Seen> seen();

    /** True once every expected video has its result. */
    boolean complete();

    @Override
    void close();
}
