package org.classroom.face.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.classroom.face.match.FaceObservation;

/**
 * The face crop of each encoded view, made while its frame is still in memory, because which view ends up a
 * person's best is known only once the clip is done. Views a track has dropped from its best ones are
 * forgotten, so a long lecture holds no more crops than its tracks hold views. Keyed by the view itself:
 * two views are never equal by value in a way that matters here.
 */
final class BestViewCrops {

    private final Map<FaceObservation, byte[]> crops = new IdentityHashMap<>();

    void keep(FaceObservation view, byte[] jpeg) {
        if (jpeg.length > 0) {
            crops.put(view, jpeg);
        }
    }

    /** Forgets every crop but those of the given views. */
    void retainOnly(Collection<FaceObservation> views) {
        Set<FaceObservation> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(views);
        crops.keySet().retainAll(kept);
    }

    Optional<byte[]> of(FaceObservation view) {
        return Optional.ofNullable(crops.get(view));
    }

    int size() {
        return crops.size();
    }
}
