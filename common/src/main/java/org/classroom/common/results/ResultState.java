package org.classroom.common.results;

import java.util.Locale;

/** How far the function got with a video's current version, as kept in the results table. */
public enum ResultState {
    /** An invocation holds the claim and is working on it. */
    PROCESSING,
    /** The result is stored; its queue message may not have gone out yet. */
    WRITTEN,
    /** The result is stored and announced on the output queue. */
    SENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ResultState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
