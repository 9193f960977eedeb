package org.classroom.face.track;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.classroom.common.model.FaceBox;
import org.classroom.face.match.FaceObservation;
import org.junit.jupiter.api.Test;

class FaceTrackerTest {

    private static final double[] ALICE = descriptor(0.0);
    private static final double[] BOB = descriptor(1.0);
    private static final FaceBox LEFT = new FaceBox(100, 100, 80, 80);
    private static final FaceBox RIGHT = new FaceBox(600, 100, 80, 80);

    private final FaceTracker tracker = new FaceTracker(TrackingOptions.defaults(0.5));
    private final AtomicInteger encodings = new AtomicInteger();

    @Test
    void aFaceOnScreenForAnHourIsEncodedAFewDozenTimesNotOncePerSample() {
        for (int sample = 0; sample < 720; sample++) {
            step(sample, List.of(LEFT), ALICE);
        }
        assertThat(tracker.tracks()).hasSize(1);
        FaceTrack track = tracker.tracks().get(0);
        assertThat(track.samplesSeen()).isEqualTo(720);
        assertThat(encodings.get()).isEqualTo(track.encodings()).isBetween(3, 50);
        assertThat(track.firstSeconds()).isZero();
        assertThat(track.lastSeconds()).isEqualTo(719 * 5.0);
        assertThat(track.bestViews()).hasSizeLessThanOrEqualTo(8);
    }

    @Test
    void aFaceThatMovesIsEncodedAndKeepsItsTrackByItsDescriptor() {
        step(0, List.of(LEFT), ALICE);
        step(1, List.of(LEFT), ALICE);
        step(2, List.of(LEFT), ALICE);
        int before = encodings.get();
        step(3, List.of(RIGHT), ALICE);
        assertThat(encodings.get()).isEqualTo(before + 1);
        assertThat(tracker.tracks()).hasSize(1);
        assertThat(tracker.tracks().get(0).lastBox()).isEqualTo(RIGHT);
    }

    @Test
    void twoFacesAtOnceAreTwoTracksAndAFaceGoneForTwoSamplesEndsItsTrack() {
        step(0, List.of(LEFT, RIGHT), ALICE, BOB);
        step(1, List.of(LEFT, RIGHT), ALICE, BOB);
        step(2, List.of(LEFT), ALICE);
        step(3, List.of(LEFT), ALICE);
        step(4, List.of(LEFT, RIGHT), ALICE, BOB);
        List<FaceTrack> tracks = tracker.tracks();
        assertThat(tracks).hasSize(3);
        assertThat(tracks.get(0).lastSeconds()).isEqualTo(20.0);
        assertThat(tracks.get(1).lastSeconds()).isEqualTo(5.0);
        assertThat(tracks.get(2).firstSeconds()).isEqualTo(20.0);
    }

    @Test
    void oneMissedSampleDoesNotEndATrack() {
        step(0, List.of(LEFT), ALICE);
        step(1, List.of(), ALICE);
        step(2, List.of(LEFT), ALICE);
        assertThat(tracker.tracks()).hasSize(1);
    }

    private void step(int sample, List<FaceBox> boxes, double[]... descriptors) {
        tracker.step(sample, sample * 5.0, boxes, index -> {
            encodings.incrementAndGet();
            return new FaceObservation(descriptors[index], boxes.get(index), sample, sample * 5.0, 0.9);
        });
    }

    private static double[] descriptor(double value) {
        double[] descriptor = new double[128];
        descriptor[0] = value;
        return descriptor;
    }
}
