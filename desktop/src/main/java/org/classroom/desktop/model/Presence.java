package org.classroom.desktop.model;

import java.util.Comparator;

/**
 * One student at one lecture.
 *
 * @param present whether any of the lecture's videos showed them
 * @param seconds how long they were on screen over the lecture's videos, from their appearances
 * @param timed   whether every video that showed them said when (older results carry no appearances:
 *                then the student is present all the same, and {@code seconds} is a lower bound)
 */
public record Presence(boolean present, double seconds, boolean timed) implements Comparable<Presence> {

    public static final Presence ABSENT = new Presence(false, 0, true);

    /** Absent first, then present without times, then by time on screen. */
    private static final Comparator<Presence> ORDER = Comparator.comparing(Presence::present)
            .thenComparing(p -> p.seconds() > 0 || p.timed())
            .thenComparingDouble(Presence::seconds);

    @Override
    public int compareTo(Presence other) {
        return ORDER.compare(this, other);
    }
}
