package org.classroom.face.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.classroom.face.evidence.Filmstrip;

/**
 * One filmstrip for the whole recording from its segments' thumbnails, in order of time. Each segment was given
 * its share of the limit, but shares are rounded up (and a segment retried makes its own again), so the strip is
 * thinned evenly to the limit here: the whole recording stays covered, never only its start.
 */
final class SegmentStrip {

    private SegmentStrip() {
    }

    /** @return the packed strip; null when no segment kept a thumbnail */
    static Filmstrip.Packed of(List<PartialResult> partials, int max) {
        List<Filmstrip.Thumbnail> all = partials.stream().flatMap(partial -> partial.thumbnails().stream())
                .sorted(Comparator.comparingDouble(Filmstrip.Thumbnail::seconds)).toList();
        return Filmstrip.pack(thinned(all, max));
    }

    static List<Filmstrip.Thumbnail> thinned(List<Filmstrip.Thumbnail> thumbnails, int max) {
        if (thumbnails.size() <= max) {
            return thumbnails;
        }
        List<Filmstrip.Thumbnail> kept = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            kept.add(thumbnails.get((int) ((long) i * thumbnails.size() / max)));
        }
        return kept;
    }
}
