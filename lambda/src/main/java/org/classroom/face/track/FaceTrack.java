package org.classroom.face.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.classroom.common.model.FaceBox;
import org.classroom.face.match.FaceObservation;

/**
 * One face followed from sample to sample while it stays on screen: when it was first and last seen,
 * where it was last, and its best encoded views (most frontal first), at most a fixed number of them so
 * that an hour on screen costs no more memory than a minute.
 */
public final class FaceTrack {

    private final int id;
    private final int maxViews;
    private final List<FaceObservation> bestViews = new ArrayList<>();
    private final double firstSeconds;
    private final int firstSample;
    private double lastSeconds;
    private int lastSample;
    private FaceBox lastBox;
    private int samplesSeen;
    private int encodings;
    private int lastEncodedSample;
    private int missedSamples;

    FaceTrack(int id, FaceObservation first, int maxViews) {
        this.id = id;
        this.maxViews = maxViews;
        this.firstSeconds = first.frameSeconds();
        this.firstSample = first.frameIndex();
        seen(first.frameIndex(), first.frameSeconds(), first.box());
        addView(first);
    }

    void seen(int sample, double seconds, FaceBox box) {
        lastSample = sample;
        lastSeconds = seconds;
        lastBox = box;
        samplesSeen++;
        missedSamples = 0;
    }

    void addView(FaceObservation view) {
        encodings++;
        lastEncodedSample = view.frameIndex();
        bestViews.add(view);
        bestViews.sort(Comparator.comparingDouble(FaceObservation::frontality).reversed());
        if (bestViews.size() > maxViews) {
            bestViews.remove(bestViews.size() - 1);
        }
    }

    void missed() {
        missedSamples++;
    }

    public int id() {
        return id;
    }

    /** The most frontal views encoded so far, best first. */
    public List<FaceObservation> bestViews() {
        return List.copyOf(bestViews);
    }

    public double firstSeconds() {
        return firstSeconds;
    }

    public int firstSample() {
        return firstSample;
    }

    public double lastSeconds() {
        return lastSeconds;
    }

    public int lastSample() {
        return lastSample;
    }

    public FaceBox lastBox() {
        return lastBox;
    }

    public int samplesSeen() {
        return samplesSeen;
    }

    /** How many times this face went through landmarks and the encoder. */
    public int encodings() {
        return encodings;
    }

    int lastEncodedSample() {
        return lastEncodedSample;
    }

    int missedSamples() {
        return missedSamples;
    }
}
