package org.classroom.common.events;

import java.util.Locale;

/**
 * S3's sequencer values, made comparable as plain strings: S3 says to right-pad the shorter of two with
 * zeros and compare them lexicographically, so padding every value to one width lets a DynamoDB condition
 * ({@code #sequencer < :sequencer}) and the relay's results folder order uploads of one key. (Older copies of
 * S3's guide said left-pad; the current guide and AWS's own event libraries say right-pad.)
 */
public final class Sequencers {

    private static final int WIDTH = 40;

    private Sequencers() {
    }

    /** The padded, upper-case form, or null for none (or one too long to be S3's). */
    public static String comparable(String sequencer) {
        if (sequencer == null || sequencer.isBlank() || sequencer.length() > WIDTH || !sequencer.matches("[0-9A-Fa-f]+")) {
            return null;
        }
        return (sequencer + "0".repeat(WIDTH - sequencer.length())).toUpperCase(Locale.ROOT);
    }
}
