package org.classroom.face.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.classroom.face.detect.SsdMobilenetDetectorTest.requireSamples;

import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.classroom.face.DetectedFace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TinyFaceDetectorTest {

    private static TinyFaceDetector detector;
    private static SsdMobilenetDetector ssd;
    private static HaarFaces haar;

    @BeforeAll
    static void load() {
        detector = new TinyFaceDetector();
        ssd = new SsdMobilenetDetector();
        haar = new HaarFaces();
    }

    @AfterAll
    static void close() {
        detector.close();
        ssd.close();
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
            assertThat(face.score()).isGreaterThan(TinyFaceDetector.DEFAULT_MIN_SCORE);
            assertThat(haar.find(frame)).as("a Haar face overlapping %s in %s", face, clip)
                    .anySatisfy(other -> assertThat(HaarFaces.iou(face, other)).isGreaterThan(0.3));
            assertCentreInside(ssd.detect(frame).get(0), face);
        }
    }

    @Test
    void findsBothFacesInTest5AtTheSamePlacesAsTheSsdDetector() throws Exception {
        requireSamples();
        try (Mat frame = Frames.first("test_5.mp4")) {
            List<DetectedFace> faces = detector.detect(frame);
            List<DetectedFace> reference = ssd.detect(frame);

            assertThat(faces).hasSize(2);
            for (DetectedFace expected : reference) {
                assertThat(faces).anySatisfy(face -> assertCentreInside(expected, face));
            }
        }
    }

    @Test
    void findsNoFaceOnBlankOrNoiseImages() {
        try (Mat black = new Mat(480, 640, opencv_core.CV_8UC3, new Scalar(0.0));
                Mat noise = SsdMobilenetDetectorTest.noise(720, 1280)) {
            assertThat(detector.detect(black)).isEmpty();
            assertThat(detector.detect(noise)).isEmpty();
        }
    }

    @Test
    void anInputSizeTheGridCannotDivideIsRefused() {
        assertThatThrownBy(() -> new TinyFaceDetector(400, 0.5)).hasMessageContaining("multiple of 32");
        assertThatThrownBy(() -> new TinyFaceDetector(416, -0.1)).hasMessageContaining("threshold");
    }

    @Test
    void aSmallerInputStillFindsAClearFace() throws Exception {
        requireSamples();
        try (TinyFaceDetector small = new TinyFaceDetector(320, 0.5); Mat frame = Frames.first("test_4.mp4")) {
            assertThat(small.inputSize()).isEqualTo(320);
            List<DetectedFace> faces = small.detect(frame);
            assertThat(faces).hasSize(1);
            assertCentreInside(ssd.detect(frame).get(0), faces.get(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"test_0", "test_1", "test_4", "test_5", "test_8"})
    void onTheFramesOwnProportionsItFindsTheFacesItFindsOnAPaddedSquareAtTheSameScale(String clip) throws Exception {
        requireSamples();
        try (TinyFaceDetector fitted = TinyFaceDetector.fitted(TinyFaceDetector.DEFAULT_INPUT_SIZE,
                TinyFaceDetector.DEFAULT_MIN_SCORE); Mat frame = Frames.first(clip + ".mp4")) {
            List<DetectedFace> square = detector.detect(frame);
            List<DetectedFace> own = fitted.detect(frame);

            assertThat(own).hasSameSizeAs(square).isNotEmpty();
            for (DetectedFace face : square) {
                assertThat(own).anySatisfy(other -> assertThat(HaarFaces.iou(face, other)).isGreaterThan(0.8));
            }
        }
    }

    /** The other detector's box centre lies inside this box: both found the same face. */
    private static void assertCentreInside(DetectedFace reference, DetectedFace face) {
        double cx = reference.x() + reference.width() / 2;
        double cy = reference.y() + reference.height() / 2;
        assertThat(cx).isBetween(face.x(), face.x() + face.width());
        assertThat(cy).isBetween(face.y(), face.y() + face.height());
    }
}
