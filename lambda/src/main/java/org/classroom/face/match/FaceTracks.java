package org.classroom.face.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the faces seen in several frames into distinct faces: a face joins the track whose nearest
 * member encoding is within the same-face distance, unless that track already has a face from the
 * same frame (two faces in one frame are two people).
 */
final class FaceTracks {

    private FaceTracks() {
    }

    static List<List<FaceObservation>> group(List<FaceObservation> observations, double sameFaceDistance) {
        List<FaceObservation> ordered = new ArrayList<>(observations);
        ordered.sort(Comparator.comparingInt(FaceObservation::frameIndex));
        List<List<FaceObservation>> tracks = new ArrayList<>();
        for (FaceObservation observation : ordered) {
            List<FaceObservation> nearest = null;
            double nearestDistance = sameFaceDistance;
            for (List<FaceObservation> track : tracks) {
                if (track.stream().anyMatch(member -> member.frameIndex() == observation.frameIndex())) {
                    continue;
                }
                for (FaceObservation member : track) {
                    double distance = Distances.euclidean(member.encoding(), observation.encoding());
                    if (distance < nearestDistance) {
                        nearestDistance = distance;
                        nearest = track;
                    }
                }
            }
            if (nearest == null) {
                nearest = new ArrayList<>();
                tracks.add(nearest);
            }
            nearest.add(observation);
        }
        return tracks;
    }
}
