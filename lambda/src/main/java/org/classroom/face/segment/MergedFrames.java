package org.classroom.face.segment;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.classroom.common.format.EvidenceKeys;
import org.classroom.face.evidence.BestFrame;
import org.classroom.face.segment.CrossSegmentPeople.Piece;

/**
 * The frame of the view the merge names a person's best, from the segment that saw it, with the others in that
 * frame relabelled from the segment's list to the result's: a segment's {@code unknown-2} may be the result's
 * {@code unknown-5}, or a named person it turned out to be. Someone the segment could not tell, or who is not in
 * the result, is left out rather than guessed.
 */
final class MergedFrames {

    private final Map<Integer, PartialResult> partials = new HashMap<>();
    /** For each segment, its labels to the result's. */
    private final Map<Integer, Map<String, String>> labels = new HashMap<>();

    /**
     * @param people       the merged people, each as its pieces
     * @param resultLabels each merged person's label in the result, in the same order
     */
    MergedFrames(List<PartialResult> partials, List<List<Piece>> people, List<String> resultLabels) {
        Map<SegmentPerson, String> merged = new IdentityHashMap<>();
        for (int i = 0; i < people.size(); i++) {
            String label = resultLabels.get(i);
            people.get(i).forEach(piece -> merged.put(piece.person(), label));
        }
        for (PartialResult partial : partials) {
            this.partials.put(partial.segment().index(), partial);
            Map<String, String> own = new HashMap<>();
            int unknown = 0;
            for (SegmentPerson person : partial.people()) {
                // the segment labels its unknown people as the engine labels a whole video's
                String label = person.named() ? person.name() : EvidenceKeys.unknownPerson(++unknown);
                Optional.ofNullable(merged.get(person)).ifPresent(result -> own.put(label, result));
            }
            labels.put(partial.segment().index(), own);
        }
    }

    /** The frame of this piece's best view, for the person the result lists as {@code label}; empty when none was kept. */
    Optional<BestFrame> of(String label, Piece best) {
        long millis = Math.round(best.person().frameSeconds() * 1000);
        Map<String, String> own = labels.get(best.segment());
        return partials.get(best.segment()).frames().stream().filter(frame -> frame.millis() == millis).findFirst()
                .map(frame -> {
                    Map<String, BestFrame.Face> others = new LinkedHashMap<>();
                    for (BestFrame.Face face : frame.faces()) {
                        String other = own.get(face.person());
                        if (other != null && !other.equals(label)) {
                            others.putIfAbsent(other, new BestFrame.Face(other, face.box()));
                        }
                    }
                    return new BestFrame(label, millis, frame.width(), frame.height(), frame.jpeg(),
                            List.copyOf(others.values()));
                });
    }
}
