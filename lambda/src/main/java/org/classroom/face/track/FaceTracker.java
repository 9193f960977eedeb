package org.classroom.face.track;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.classroom.common.model.FaceBox;
import org.classroom.face.match.Distances;
import org.classroom.face.match.FaceObservation;

/**
 * Follows faces through the samples of a clip. A face that stays where a track's face was is that track
 * and is not encoded again until the track is due for a fresh view (early on every sample, then at
 * growing gaps) — the encoder's cost stays bounded however long someone is on screen. A face that moved,
 * or is due, is encoded and continues the track its descriptor is near to; otherwise it starts a track.
 * A track whose face is gone for more than a sample or so ends. Not thread-safe.
 */
public final class FaceTracker {

    private final TrackingOptions options;
    private final List<FaceTrack> active = new ArrayList<>();
    private final List<FaceTrack> ended = new ArrayList<>();
    private int nextId;

    public FaceTracker(TrackingOptions options) {
        this.options = options;
    }

    /**
     * Takes one sample's faces.
     *
     * @param boxes  the faces found in the sample
     * @param encode encodes the face at that index of {@code boxes} (landmarks, alignment, descriptor)
     */
    public void step(int sample, double seconds, List<FaceBox> boxes, IntFunction<FaceObservation> encode) {
        Set<FaceTrack> continued = new HashSet<>();
        for (int i : byOverlapFirst(boxes)) {
            FaceBox box = boxes.get(i);
            FaceTrack overlapping = bestOverlap(box, continued);
            double overlap = overlapping == null ? 0 : BoxOverlap.iou(box, overlapping.lastBox());
            if (overlapping != null && overlap >= options.steadyOverlap() && !dueForView(overlapping, sample)) {
                overlapping.seen(sample, seconds, box);
                continued.add(overlapping);
                continue;
            }
            FaceObservation view = encode.apply(i);
            FaceTrack track = overlapping != null && near(view, overlapping) ? overlapping : nearest(view, continued);
            if (track == null) {
                track = new FaceTrack(nextId++, view, options.maxViews());
                active.add(track);
            } else {
                track.seen(sample, seconds, box);
                track.addView(view);
            }
            continued.add(track);
        }
        for (FaceTrack track : List.copyOf(active)) {
            if (!continued.contains(track)) {
                track.missed();
                if (track.missedSamples() > options.maxMissedSamples()) {
                    active.remove(track);
                    ended.add(track);
                }
            }
        }
    }

    /** Every track so far, ended and still open, in the order they started. */
    public List<FaceTrack> tracks() {
        List<FaceTrack> all = new ArrayList<>(ended);
        all.addAll(active);
        all.sort((a, b) -> Integer.compare(a.id(), b.id()));
        return all;
    }

    /** Faces that overlap a track strongly are placed first, so a newcomer cannot take their track. */
    private List<Integer> byOverlapFirst(List<FaceBox> boxes) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(bestIou(boxes.get(b)), bestIou(boxes.get(a))));
        return order;
    }

    private double bestIou(FaceBox box) {
        double best = 0;
        for (FaceTrack track : active) {
            best = Math.max(best, BoxOverlap.iou(box, track.lastBox()));
        }
        return best;
    }

    private FaceTrack bestOverlap(FaceBox box, Set<FaceTrack> taken) {
        FaceTrack best = null;
        double bestIou = 0;
        for (FaceTrack track : active) {
            double iou = BoxOverlap.iou(box, track.lastBox());
            if (!taken.contains(track) && iou > bestIou) {
                best = track;
                bestIou = iou;
            }
        }
        return best;
    }

    private boolean dueForView(FaceTrack track, int sample) {
        if (track.encodings() < options.firstViews()) {
            return true;
        }
        int gap = Math.min(options.maxEncodeGap(), track.encodings() - options.firstViews() + 2);
        return sample - track.lastEncodedSample() >= gap;
    }

    private boolean near(FaceObservation view, FaceTrack track) {
        return distance(view, track) < options.sameFaceDistance();
    }

    private FaceTrack nearest(FaceObservation view, Set<FaceTrack> taken) {
        FaceTrack nearest = null;
        double nearestDistance = options.sameFaceDistance();
        for (FaceTrack track : active) {
            double distance = distance(view, track);
            if (!taken.contains(track) && distance < nearestDistance) {
                nearest = track;
                nearestDistance = distance;
            }
        }
        return nearest;
    }

    private static double distance(FaceObservation view, FaceTrack track) {
        double best = Double.POSITIVE_INFINITY;
        for (FaceObservation other : track.bestViews()) {
            best = Math.min(best, Distances.euclidean(view.encoding(), other.encoding()));
        }
        return best;
    }
}
