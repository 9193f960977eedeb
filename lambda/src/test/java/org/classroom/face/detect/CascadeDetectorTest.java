package org.classroom.face.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.classroom.face.detect.SsdMobilenetDetectorTest.requireSamples;

import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.classroom.face.DetectedFace;
import org.classroom.face.video.TestClips;
import org.classroom.face.weights.TfjsWeights;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine's detector against SSD on the whole frame: the same faces and boxes, none of the tiny one's mistakes. */
class CascadeDetectorTest {

    private static CascadeDetector cascade;
    private static TinyFaceDetector tiny;
    private static SsdMobilenetDetector ssd;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        cascade = CascadeDetector.standard(SsdMobilenetDetector.DEFAULT_MIN_SCORE);
        tiny = TinyFaceDetector.fitted(TinyFaceDetector.FITTED_LONG_SIDE, SsdMobilenetDetector.DEFAULT_MIN_SCORE);
        // The cascade checks its windows in floats: compared with SSD in floats on the whole frame.
        ssd = new SsdMobilenetDetector(TfjsWeights.load(SsdMobilenetDetector.MODEL),
                SsdMobilenetDetector.DEFAULT_INPUT_SIZE, SsdMobilenetDetector.DEFAULT_MIN_SCORE, DetectorPrecision.FLOAT);
    }

    @AfterAll
    static void close() {
        cascade.close();
        tiny.close();
        ssd.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"test_0", "test_1", "test_2", "test_4", "test_5", "test_6", "test_7", "test_8"})
    void findsTheFacesSsdFindsOnTheWholeFrameWithNearlyItsBoxes(String clip) throws Exception {
        requireSamples();
        int people = clip.equals("test_5") ? 2 : 1;
        for (Mat frame : Frames.sampled(clip + ".mp4", 6)) {
            try (frame) {
                List<DetectedFace> reference = ssd.detect(frame);
                List<DetectedFace> found = cascade.detect(frame);

                // Where SSD on the whole frame misses a face (Mr Bean scores under 0.4 in some frames), the closer
                // look may find it: never more faces than the clip has people.
                assertThat(found).as("faces in a frame of %s", clip).hasSizeBetween(reference.size(), people);
                for (DetectedFace expected : reference) {
                    assertThat(found).as("SSD's face %s in %s", expected, clip)
                            .anySatisfy(face -> assertThat(HaarFaces.iou(face, expected)).isGreaterThan(0.6));
                }
            }
        }
    }

    @Test
    void aMovingTestPatternHasNoFacesThoughTheTinyDetectorSeesSome() throws Exception {
        Path pattern = TestClips.ffmpeg(dir.resolve("pattern.mp4"), "-f", "lavfi", "-i",
                "testsrc2=size=1280x720:rate=25:duration=4", "-c:v", "libx264", "-preset", "ultrafast");
        int tinyFaces = 0;
        for (Mat frame : Frames.sampled(pattern, 5)) {
            try (frame) {
                tinyFaces += tiny.detect(frame).size();
                assertThat(cascade.detect(frame)).isEmpty();
                assertThat(ssd.detect(frame)).isEmpty();
            }
        }
        assertThat(tinyFaces).as("candidates the tiny detector took for faces").isPositive();
    }

    @Test
    void aFaceTooSmallForTheTinyDetectorIsFoundBySsdOnTheWholeFrame() throws Exception {
        requireSamples();
        // test_0 at half size in a corner of a 1920x1080 frame: a face about 55x70 px.
        try (Mat clip = Frames.first("test_0.mp4"); Mat small = new Mat();
                Mat frame = new Mat(1080, 1920, opencv_core.CV_8UC3, new Scalar(0.0))) {
            opencv_imgproc.resize(clip, small, new Size(640, 360));
            try (Mat corner = frame.apply(new Rect(1100, 600, 640, 360))) {
                small.copyTo(corner);
            }
            assertThat(tiny.detect(frame)).as("too small for the tiny detector").isEmpty();
            List<DetectedFace> reference = ssd.detect(frame);
            assertThat(reference).hasSize(1);

            List<DetectedFace> found = cascade.detect(frame);

            assertThat(found).singleElement().satisfies(face ->
                    assertThat(HaarFaces.iou(face, reference.get(0))).isGreaterThan(0.9));
        }
    }

    @Test
    void aWindowMustHoldItsCandidate() {
        assertThatThrownBy(() -> new CascadeDetector(tiny, ssd, ssd, 0.5)).hasMessageContaining("span at least 1");
    }
}
