package org.classroom.face.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.classroom.common.config.SampleData;
import org.classroom.face.DetectedFace;
import org.classroom.face.video.LectureMaker;
import org.classroom.face.weights.TfjsWeights;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsdMobilenetDetectorTest {

    private static SsdMobilenetDetector detector;
    private static HaarFaces haar;

    @BeforeAll
    static void load() {
        detector = new SsdMobilenetDetector();
        haar = new HaarFaces();
    }

    @AfterAll
    static void close() {
        detector.close();
        haar.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"test_0", "test_1", "test_2", "test_4", "test_6", "test_7", "test_8"})
    void findsTheOneFaceInTheFirstFrameOfEachSingleFaceClip(String clip) throws Exception {
        requireSamples();
        try (Mat frame = Frames.first(clip + ".mp4")) {
            List<DetectedFace> faces = detector.detect(frame);

            assertThat(faces).as("faces in %s", clip).hasSize(1);
            DetectedFace face = faces.get(0);
            assertThat(face.score()).isGreaterThanOrEqualTo(0.4);
            assertSensibleFace(face, frame);
            assertThat(haar.find(frame)).as("a Haar face overlapping %s in %s", face, clip)
                    .anySatisfy(other -> assertThat(HaarFaces.iou(face, other)).isGreaterThan(0.3));
        }
    }

    @Test
    void findsBothFacesInTheFirstFrameOfTest5() throws Exception {
        requireSamples();
        try (Mat frame = Frames.first("test_5.mp4")) {
            List<DetectedFace> faces = detector.detect(frame);

            assertThat(faces).hasSize(2);
            assertThat(faces.get(0).score()).isGreaterThanOrEqualTo(faces.get(1).score());
            faces.forEach(face -> assertSensibleFace(face, frame));
            assertThat(HaarFaces.iou(faces.get(0), faces.get(1))).isZero();
        }
    }

    @Test
    void findsNoFaceOnBlankOrNoiseImages() {
        try (Mat black = new Mat(480, 640, opencv_core.CV_8UC3, new Scalar(0.0));
                Mat grey = new Mat(720, 1280, opencv_core.CV_8UC3, new Scalar(128, 128, 128, 0));
                Mat noise = noise(480, 640)) {
            assertThat(detector.detect(black)).isEmpty();
            assertThat(detector.detect(grey)).isEmpty();
            assertThat(detector.detect(noise)).isEmpty();
        }
    }

    @Test
    void theDefaultThresholdKeepsTheFlagInTest1OutWhere03WouldLetItIn() throws Exception {
        requireSamples();
        List<Mat> frames = Frames.sampled("test_1.mp4", 5);
        try (SsdMobilenetDetector loose = new SsdMobilenetDetector(0.3)) {
            int flagFrames = 0;
            for (Mat frame : frames) {
                assertThat(detector.detect(frame)).as("faces at 0.4").hasSize(1);
                List<DetectedFace> looseFaces = loose.detect(frame);
                if (looseFaces.size() > 1) {
                    flagFrames++;
                    // the extra "face" is the flag at the right edge, scoring between 0.3 and 0.4
                    assertThat(looseFaces.get(1).score()).isBetween(0.3, 0.4);
                    assertThat(looseFaces.get(1).x()).isGreaterThan(0.8 * frame.cols());
                }
            }
            assertThat(flagFrames).as("sampled frames where 0.3 finds the flag").isPositive();
        } finally {
            frames.forEach(Mat::close);
        }
    }

    @Test
    void theAnchorsAreDecodedInTheOrderTheNetworkPredictsThem() throws Exception {
        requireSamples();
        // if the NCHW heads were read in the wrong order, high scores would land on anchors all over
        // the frame; read right, every confident anchor describes the one face
        try (Mat frame = Frames.first("test_0.mp4")) {
            SsdMobilenetDetector.Predictions p = detector.predict(frame);
            int best = p.best();
            assertThat(p.scores()).hasSize(5118);
            assertThat(p.scores()[best]).as("best anchor score on a clear frontal face").isGreaterThan(0.9f);

            DetectedFace face = detector.detect(frame).get(0);
            assertThat(face.score()).isEqualTo(p.scores()[best], offset(1e-6));
            int side = DetectorInput.side(frame);
            int confident = 0;
            for (int i = 0; i < p.scores().length; i++) {
                if (p.scores()[i] > 0.4) {
                    confident++;
                    float[] b = p.box(i);
                    DetectedFace anchorBox = new DetectedFace(b[1] * side, b[0] * side, (b[3] - b[1]) * side,
                            (b[2] - b[0]) * side, p.scores()[i]);
                    assertThat(HaarFaces.iou(anchorBox, face)).as("anchor %d", i).isGreaterThan(0.3);
                }
            }
            assertThat(confident).isGreaterThan(1);
        }
    }

    @Test
    void boxesComeBackInThePixelsOfTheFrameWhateverItsShapeAndPadding() throws Exception {
        requireSamples();
        try (Mat frame = Frames.first("test_4.mp4");
                Mat canvas = new Mat(1400, 1000, opencv_core.CV_8UC3, new Scalar(0.0))) {
            // the same picture placed lower right in a taller, black canvas: the square padding and the
            // scale change, the face box must move by exactly the offset
            int dx = 100;
            int dy = 700;
            try (Rect where = new Rect(dx, dy, frame.cols(), frame.rows()); Mat region = canvas.apply(where)) {
                frame.copyTo(region);
            }
            DetectedFace alone = detector.detect(frame).get(0);
            List<DetectedFace> placed = detector.detect(canvas);

            assertThat(placed).hasSize(1);
            DetectedFace moved = placed.get(0);
            double tolerance = 0.15 * alone.width();
            assertThat(moved.x()).isCloseTo(alone.x() + dx, offset(tolerance));
            assertThat(moved.y()).isCloseTo(alone.y() + dy, offset(tolerance));
            assertThat(moved.width()).isCloseTo(alone.width(), offset(tolerance));
            assertThat(moved.height()).isCloseTo(alone.height(), offset(tolerance));
        }
    }

    @Test
    void aLowerThresholdFindsAtLeastAsMuchAndABadThresholdIsRefused() throws Exception {
        requireSamples();
        assertThatThrownBy(() -> new SsdMobilenetDetector(1.5)).hasMessageContaining("threshold");
        try (SsdMobilenetDetector strict = new SsdMobilenetDetector(0.5); Mat frame = Frames.first("test_2.mp4")) {
            // face-api's default 0.5 misses Mr Bean, which is why ours is 0.4
            assertThat(strict.detect(frame)).isEmpty();
            assertThat(detector.detect(frame)).hasSize(1);
        }
    }

    @Test
    void anchorsLaidOutAgainForTheTrainedInputAreTheStoredAnchorsAndKeepTheirPixelSizeOnAnother() {
        float[] stored = TfjsWeights.load(SsdMobilenetDetector.MODEL).get("Output/extra_dim").values();
        float[] regridded = SsdAnchors.forInput(stored, 512, SsdAnchors.TRAINED_GRIDS);
        assertThat(regridded).hasSameSizeAs(stored);
        for (int i = 0; i < stored.length; i++) {
            assertThat(regridded[i]).as("anchor value %d", i).isCloseTo(stored[i], offset(1e-6f));
        }
        float[] smaller = SsdAnchors.forInput(stored, 384, new int[] {24, 12, 6, 3, 2, 1});
        assertThat(smaller).hasSize(4 * (24 * 24 * 3 + (144 + 36 + 9 + 4 + 1) * 6));
        // The first anchor of the first head: the same width and centre in pixels on both inputs.
        assertThat((smaller[3] - smaller[1]) * 384.0).isCloseTo((stored[3] - stored[1]) * 512.0, offset(1e-3));
        assertThat((smaller[1] + smaller[3]) / 2 * 384.0).isCloseTo((stored[1] + stored[3]) / 2 * 512.0, offset(1e-3));
    }

    @Test
    void aSmallerInputStillFindsTheFaceInTheSamePlace() throws Exception {
        requireSamples();
        assertThatThrownBy(() -> new SsdMobilenetDetector(TfjsWeights.load(SsdMobilenetDetector.MODEL), 500, 0.4))
                .hasMessageContaining("multiple of 32");
        try (SsdMobilenetDetector small = new SsdMobilenetDetector(TfjsWeights.load(SsdMobilenetDetector.MODEL),
                384, SsdMobilenetDetector.DEFAULT_MIN_SCORE); Mat frame = Frames.first("test_0.mp4")) {
            assertThat(small.inputSize()).isEqualTo(384);
            List<DetectedFace> faces = small.detect(frame);
            assertThat(faces).hasSize(1);
            // The frame at 3/4 of the scale: the same face, the same box (anchors kept their size in pixels).
            assertThat(HaarFaces.iou(faces.get(0), detector.detect(frame).get(0))).isGreaterThan(0.75);
        }
    }

    static void assertSensibleFace(DetectedFace face, Mat frame) {
        assertThat(face.x()).isGreaterThanOrEqualTo(0);
        assertThat(face.y()).isGreaterThanOrEqualTo(0);
        assertThat(face.x() + face.width()).isLessThanOrEqualTo(frame.cols());
        assertThat(face.y() + face.height()).isLessThanOrEqualTo(frame.rows());
        assertThat(face.width()).isGreaterThan(0.04 * frame.cols());
        assertThat(face.width() * face.height()).isLessThan(0.5 * frame.cols() * frame.rows());
        assertThat(face.height() / face.width()).as("face aspect (height / width)").isBetween(0.8, 2.0);
    }

    static Mat noise(int rows, int cols) {
        byte[] pixels = new byte[rows * cols * 3];
        new Random(546).nextBytes(pixels);
        Mat mat = new Mat(rows, cols, opencv_core.CV_8UC3);
        try (BytePointer data = mat.data()) {
            data.put(pixels);
        }
        return mat;
    }

    /**
     * The 8-bit network against the float one on frames across every course clip: every face the floats find, with
     * a box that overlaps it nearly wholly (on the course clips 0.83 at worst, median 0.98); no face the clip does
     * not have (in test_5 the 8 bits also find the boy where floats score him under the threshold). Scores move by
     * a few hundredths, and more for a face near the threshold, where the logistic curve is steepest.
     */
    @ParameterizedTest
    @ValueSource(strings = {"test_0", "test_1", "test_2", "test_4", "test_5", "test_6", "test_7", "test_8"})
    void eightBitsFindTheFacesFloatsFindWithNearlyTheirBoxesAndScores(String clip) throws Exception {
        requireSamples();
        int people = clip.equals("test_5") ? 2 : 1;
        TfjsWeights weights = TfjsWeights.load(SsdMobilenetDetector.MODEL);
        List<Double> scoreChanges = new java.util.ArrayList<>();
        try (SsdMobilenetDetector floats = SsdMobilenetDetector.fitted(weights, SsdMobilenetDetector.DEFAULT_INPUT_SIZE,
                    SsdMobilenetDetector.DEFAULT_MIN_SCORE, DetectorPrecision.FLOAT);
                SsdMobilenetDetector bytes = SsdMobilenetDetector.fitted(weights,
                        SsdMobilenetDetector.DEFAULT_INPUT_SIZE, SsdMobilenetDetector.DEFAULT_MIN_SCORE,
                        DetectorPrecision.INT8)) {
            assertThat(bytes.precision()).isEqualTo(DetectorPrecision.INT8);
            for (Mat frame : Frames.sampled(clip + ".mp4", 8)) {
                try (frame) {
                    List<DetectedFace> expected = floats.detect(frame);
                    List<DetectedFace> found = bytes.detect(frame);
                    assertThat(found).as("faces in a frame of %s", clip).hasSizeBetween(expected.size(), people);
                    for (DetectedFace face : expected) {
                        DetectedFace nearest = found.stream().max(java.util.Comparator.comparingDouble(face::iou))
                                .orElseThrow();
                        assertThat(nearest.iou(face)).as("overlap with the float face %s in %s", face, clip)
                                .isGreaterThan(0.75);
                        scoreChanges.add(Math.abs(nearest.score() - face.score()));
                    }
                }
            }
        }
        assertThat(scoreChanges).as("faces compared in %s", clip).isNotEmpty().allMatch(change -> change < 0.25);
        java.util.Collections.sort(scoreChanges);
        assertThat(scoreChanges.get(scoreChanges.size() / 2)).as("median score change in %s", clip).isLessThan(0.04);
    }

    /**
     * Floki at 1:00.04 in the desktop test's lecture (1280x720, key frame every 5 s, made here as that test
     * makes it): in floats a face at 0.485, in 8 bits alone at 0.373, under the threshold. The detector in 8 bits
     * looks at that close call again in floats and keeps the face, with the float box.
     */
    @Test
    void aFaceEightBitsScoreJustUnderTheThresholdIsDecidedInFloats(@TempDir Path dir) throws Exception {
        requireSamples();
        Path videos = Frames.clip("test_0.mp4").getParent();
        Path lecture = new LectureMaker(new LectureMaker.Format(1280, 720, 25, 5)).make(List.of(
                new LectureMaker.Nobody(5),
                new LectureMaker.One(videos.resolve("test_0.mp4"), 15),
                new LectureMaker.Nobody(10),
                new LectureMaker.SideBySide(videos.resolve("test_2.mp4"), videos.resolve("test_5.mp4"), 20),
                new LectureMaker.Nobody(10),
                new LectureMaker.One(videos.resolve("test_6.mp4"), 10)), dir.resolve("lecture.mp4"));
        TfjsWeights weights = TfjsWeights.load(SsdMobilenetDetector.MODEL);
        // the frame at 1:00.04
        List<Mat> frames = Frames.sampled(lecture, 60 * 25 + 1);
        try (Mat frame = frames.get(1);
                SsdMobilenetDetector floats = SsdMobilenetDetector.fitted(weights, SsdMobilenetDetector.DEFAULT_INPUT_SIZE,
                        SsdMobilenetDetector.DEFAULT_MIN_SCORE, DetectorPrecision.FLOAT);
                SsdMobilenetDetector bytes = SsdMobilenetDetector.fitted(weights,
                        SsdMobilenetDetector.DEFAULT_INPUT_SIZE, SsdMobilenetDetector.DEFAULT_MIN_SCORE,
                        DetectorPrecision.INT8)) {
            frames.get(0).close();
            List<DetectedFace> expected = floats.detect(frame);
            assertThat(expected).singleElement().satisfies(face -> assertThat(face.score())
                    .isBetween(SsdMobilenetDetector.DEFAULT_MIN_SCORE, SsdMobilenetDetector.DEFAULT_MIN_SCORE
                            + SsdMobilenetDetector.CLOSE_CALL));
            SsdMobilenetDetector.Predictions eightBitsAlone = bytes.predict(frame);
            assertThat((double) eightBitsAlone.scores()[eightBitsAlone.best()]).as("the face in 8 bits alone")
                    .isLessThanOrEqualTo(SsdMobilenetDetector.DEFAULT_MIN_SCORE)
                    .isGreaterThan(SsdMobilenetDetector.DEFAULT_MIN_SCORE - SsdMobilenetDetector.CLOSE_CALL);

            assertThat(bytes.detect(frame)).isEqualTo(expected);
        }
    }

    static void requireSamples() {
        Assumptions.assumeTrue(Frames.available(), SampleData.missingMessage());
    }
}
