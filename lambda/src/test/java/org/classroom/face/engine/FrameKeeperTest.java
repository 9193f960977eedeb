package org.classroom.face.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.classroom.common.model.FaceBox;
import org.classroom.face.evidence.FramePicture;
import org.classroom.face.match.FaceObservation;
import org.classroom.face.track.FaceTracker;
import org.classroom.face.track.TrackingOptions;
import org.classroom.face.video.SampledFrame;
import org.junit.jupiter.api.Test;

class FrameKeeperTest {

    private static final double[] ENCODING = new double[128];

    private final FrameKeeper keeper = new FrameKeeper(360);

    @Test
    void aBestViewsFrameIsKeptDownscaledToAtMost640WithTheSizeItsBoxesAreIn() {
        try (SampledFrame frame = frame(4, 1920, 1080)) {
            keeper.viewEncoded(frame);

            FrameKeeper.KeptFrame kept = keeper.of(view(4)).orElseThrow();

            assertThat(kept.seconds()).isEqualTo(2.0);
            assertThat(kept.width()).isEqualTo(1920);
            assertThat(kept.height()).isEqualTo(1080);
            try (Mat picture = imdecode(new Mat(kept.jpeg()), IMREAD_COLOR)) {
                assertThat(picture.cols()).isEqualTo(FramePicture.MAX_SIDE);
                assertThat(picture.rows()).isEqualTo(360);
            }
        }
    }

    @Test
    void aFrameWithSeveralFacesIsCompressedOnceAndAFrameNoHeldViewIsInIsForgotten() {
        try (SampledFrame first = frame(0, 640, 480); SampledFrame second = frame(1, 640, 480)) {
            keeper.viewEncoded(first);
            byte[] once = keeper.of(view(0)).orElseThrow().jpeg();
            keeper.viewEncoded(first);
            keeper.viewEncoded(second);

            assertThat(keeper.of(view(0)).orElseThrow().jpeg()).isSameAs(once);
            assertThat(keeper.size()).isEqualTo(2);

            keeper.retainOnly(List.of(view(1)));

            assertThat(keeper.of(view(0))).isEmpty();
            assertThat(keeper.of(view(1))).isPresent();
        }
    }

    @Test
    void aKeptFramesFacesAreNotedByTrackOthersAreNot() {
        FaceTracker tracker = new FaceTracker(TrackingOptions.defaults(0.6));
        FaceBox left = new FaceBox(10, 10, 50, 50);
        FaceBox right = new FaceBox(400, 10, 50, 50);
        try (SampledFrame kept = frame(0, 640, 480); SampledFrame skipped = frame(1, 640, 480)) {
            double[] a = new double[128];
            double[] b = new double[128];
            b[0] = 1;   // far from a: two people
            tracker.step(0, 0.0, List.of(left, right), index -> {
                keeper.viewEncoded(kept);
                return new FaceObservation(index == 0 ? a : b, index == 0 ? left : right, 0, 0.0, 0.9);
            });
            keeper.tracked(0, tracker::tracks);
            keeper.tracked(1, () -> {
                throw new AssertionError("a sample whose frame is not kept does not list the tracks");
            });
        }

        FrameKeeper.KeptFrame kept = keeper.of(view(0)).orElseThrow();

        assertThat(kept.faces().values()).containsExactlyInAnyOrder(left, right);
        assertThat(kept.faces().keySet()).containsExactlyInAnyOrderElementsOf(tracker.tracks());
    }

    @Test
    void everySampleIsOfferedToTheFilmstrip() {
        try (SampledFrame first = frame(0, 320, 240); SampledFrame second = frame(1, 320, 240)) {
            keeper.sampled(first);
            keeper.sampled(second);
        }

        assertThat(keeper.filmstrip().thumbnails()).hasSize(2);
    }

    private static SampledFrame frame(int sample, int width, int height) {
        return new SampledFrame(new Mat(height, width, CV_8UC3, new Scalar(30, 60, 90, 0)), sample * 0.5, sample);
    }

    private static FaceObservation view(int sample) {
        return new FaceObservation(ENCODING, new FaceBox(10, 10, 50, 50), sample, sample * 0.5, 0.9);
    }
}
