package org.classroom.face.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import java.nio.file.Path;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatExpr;
import org.classroom.common.config.SampleData;
import org.classroom.face.DetectedFace;
import org.classroom.face.FaceLandmarks;
import org.classroom.face.align.FaceAligner;
import org.classroom.face.landmarks.LandmarkNet68;
import org.classroom.face.match.FaceQuality;
import org.classroom.face.match.MatchPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Landmarks, dlib chip and descriptor on the first frame of the course clips must land nearest the
 * expected student in the course's own gallery, within dlib's 0.6. Faces are boxed by the SSD detector.
 */
class ResNetFaceEncoderTest {

    private static LandmarkNet68 landmarks;
    private static ResNetFaceEncoder encoder;
    private static final FaceAligner ALIGNER = new FaceAligner();
    private static final double MIN_FRONTALITY = MatchPolicy.defaults().minFrontality();

    @BeforeAll
    static void load() {
        landmarks = LandmarkNet68.load();
        encoder = ResNetFaceEncoder.load();
    }

    @AfterAll
    static void close() {
        landmarks.close();
        encoder.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"test_0", "test_1", "test_2", "test_4", "test_6", "test_7", "test_8"})
    void firstFrameFaceIsNearestTheExpectedStudent(String clip) {
        Optional<Path> samples = SampleData.find();
        Assumptions.assumeTrue(samples.isPresent(), SampleData.missingMessage());
        Map<String, double[]> gallery = CourseFaces.gallery(samples.get());
        String expected = CourseFaces.expectedNames(samples.get()).get(clip + ".mp4");

        try (Mat frame = CourseFaces.firstFrame(samples.get().resolve("videos").resolve(clip + ".mp4"))) {
            List<DetectedFace> faces = CourseFaces.faces(frame);
            assertThat(faces).as("faces in the first frame of %s", clip).isNotEmpty();
            FaceLandmarks points = landmarks.locate(frame, faces.get(0));
            double[] descriptor;
            try (Mat chip = ALIGNER.align(frame, points)) {
                descriptor = encoder.encode(chip);
            }

            assertThat(descriptor).hasSize(128);
            Map.Entry<String, Double> nearest = CourseFaces.nearest(gallery, descriptor);
            double norm = Math.sqrt(java.util.Arrays.stream(descriptor).map(v -> v * v).sum());
            System.out.printf("%s: nearest %s at %.3f (expected %s at %.3f), |d| = %.3f%n", clip, nearest.getKey(),
                    nearest.getValue(), expected, CourseFaces.distance(gallery.get(expected), descriptor), norm);
            assertThat(nearest.getKey()).isEqualTo(expected);
            assertThat(nearest.getValue()).isLessThan(0.6);
            assertThat(FaceQuality.frontality(points)).as("frontality").isGreaterThan(MIN_FRONTALITY);
            DoubleSummaryStatistics galleryNorms = gallery.values().stream()
                    .mapToDouble(e -> Math.sqrt(java.util.Arrays.stream(e).map(v -> v * v).sum()))
                    .summaryStatistics();
            assertThat(norm).as("norm like the gallery's dlib descriptors")
                    .isBetween(0.8 * galleryNorms.getMin(), 1.2 * galleryNorms.getMax());
        }
    }

    /** The first frame of test_5 holds a boy in profile who is not in the gallery and Vin Diesel, who is. */
    @Test
    void vinDieselIsAmongTheFacesOfTest5AndTheBoyIsTurnedAway() {
        Optional<Path> samples = SampleData.find();
        Assumptions.assumeTrue(samples.isPresent(), SampleData.missingMessage());
        Map<String, double[]> gallery = CourseFaces.gallery(samples.get());
        try (Mat frame = CourseFaces.firstFrame(samples.get().resolve("videos").resolve("test_5.mp4"))) {
            List<DetectedFace> faces = CourseFaces.faces(frame);
            assertThat(faces).hasSizeGreaterThanOrEqualTo(2);
            int vinDiesel = 0;
            for (DetectedFace face : faces) {
                FaceLandmarks points = landmarks.locate(frame, face);
                try (Mat chip = ALIGNER.align(frame, points)) {
                    Map.Entry<String, Double> nearest = CourseFaces.nearest(gallery, encoder.encode(chip));
                    double frontality = FaceQuality.frontality(points);
                    System.out.printf("test_5 face at x %.0f: nearest %s at %.3f, frontality %.2f, fit residual %.2f%n",
                            face.x(), nearest.getKey(), nearest.getValue(), frontality, ALIGNER.fitResidual(points));
                    if (nearest.getKey().equals("vin_diesel") && nearest.getValue() < 0.6) {
                        vinDiesel++;
                        assertThat(frontality).isGreaterThan(MIN_FRONTALITY);
                    } else {
                        // the boy: his landmarks show him turned away, which lets the matcher refuse to name him
                        assertThat(frontality).as("the boy's frontality").isLessThan(MIN_FRONTALITY);
                    }
                }
            }
            assertThat(vinDiesel).isEqualTo(1);
        }
    }

    /** Prints the warm time of one landmark call, one alignment and one descriptor (not asserted). */
    @Test
    void warmTimesPerFace() {
        Optional<Path> samples = SampleData.find();
        Assumptions.assumeTrue(samples.isPresent(), SampleData.missingMessage());
        try (Mat frame = CourseFaces.firstFrame(samples.get().resolve("videos").resolve("test_0.mp4"))) {
            DetectedFace face = CourseFaces.faces(frame).get(0);
            int rounds = 40;
            long[][] nanos = new long[3][rounds];
            double[] descriptor = null;
            for (int i = -5; i < rounds; i++) { // the first calls warm the networks up
                long t0 = System.nanoTime();
                FaceLandmarks points = landmarks.locate(frame, face);
                long t1 = System.nanoTime();
                try (Mat chip = ALIGNER.align(frame, points)) {
                    long t2 = System.nanoTime();
                    descriptor = encoder.encode(chip);
                    long t3 = System.nanoTime();
                    if (i >= 0) {
                        nanos[0][i] = t1 - t0;
                        nanos[1][i] = t2 - t1;
                        nanos[2][i] = t3 - t2;
                    }
                }
            }
            String[] stages = {"landmarks", "align", "encode"};
            StringBuilder line = new StringBuilder("warm per face over " + rounds + " calls (median / min):");
            for (int s = 0; s < 3; s++) {
                java.util.Arrays.sort(nanos[s]);
                line.append(String.format(" %s %.2f / %.2f ms", stages[s], nanos[s][rounds / 2] / 1e6, nanos[s][0] / 1e6));
            }
            System.out.println(line);
            assertThat(descriptor).hasSize(128);
        }
    }

    @Test
    void differentFacesGiveDifferentDescriptorsAndTheSameChipTheSame() {
        try (MatExpr zeros = Mat.zeros(150, 150, CV_8UC3); Mat black = zeros.asMat();
                MatExpr ones = Mat.ones(150, 150, CV_8UC3); Mat grey = ones.asMat()) {
            Mat lighter = grey.mul(grey, 128).asMat();
            double[] first = encoder.encode(black);
            double[] again = encoder.encode(black);
            double[] other = encoder.encode(lighter);
            lighter.close();
            assertThat(CourseFaces.distance(first, again)).isLessThan(1e-6);
            assertThat(CourseFaces.distance(first, other)).isGreaterThan(1e-3);
        }
    }

    @Test
    void refusesAnythingButA150PixelBgrChip() {
        try (MatExpr zeros = Mat.zeros(112, 112, CV_8UC3); Mat small = zeros.asMat()) {
            assertThatThrownBy(() -> encoder.encode(small))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("150x150");
        }
    }
}
