package org.classroom.relay.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The newest stored entries, at most {@code capacity} of them, kept in memory for replay to
 * reconnecting subscribers; older entries leave memory (they stay in {@code results.jsonl}). Not
 * thread-safe: its store guards it.
 */
final class ReplayWindow {

    private final int capacity;
    private final ArrayDeque<StoredResult> entries = new ArrayDeque<>();

    ReplayWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the replay window must hold at least one result, not " + capacity);
        }
        this.capacity = capacity;
    }

    void add(StoredResult entry) {
        entries.addLast(entry);
        if (entries.size() > capacity) {
            entries.removeFirst();
        }
    }

    /** The sequence number of the oldest entry still held; {@code orElse} when none is. */
    long firstSeq(long orElse) {
        return entries.isEmpty() ? orElse : entries.peekFirst().seq();
    }

    /** The held entries after {@code seq}, oldest first. */
    List<StoredResult> after(long seq) {
        List<StoredResult> newer = new ArrayList<>();
        for (Iterator<StoredResult> it = entries.descendingIterator(); it.hasNext(); ) {
            StoredResult entry = it.next();
            if (entry.seq() <= seq) {
                break;
            }
            newer.add(entry);
        }
        Collections.reverse(newer);
        return newer;
    }
}
