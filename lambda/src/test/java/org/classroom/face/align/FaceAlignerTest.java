package org.classroom.face.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatExpr;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.classroom.face.FaceLandmarks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FaceAlignerTest {

    private final FaceAligner aligner = new FaceAligner();

    @Test
    void templateIsDlibs150ChipWithQuarterPadding() {
        double[][] chip = ChipTemplate.DLIB_150.chipPoints();
        // (0.25 + 0.8595674595992) / 1.5 * 150
        assertThat(chip[0][0]).isCloseTo(110.95674595992, within(1e-9));
        assertThat(chip[4][1]).isCloseTo((0.25 + 0.6277975316475) / 1.5 * 150, within(1e-9));
        // the eye on the image's right is right of the one on the left; the nose is below both
        assertThat(chip[0][0]).isGreaterThan(chip[1][0]).isGreaterThan(chip[3][0]).isGreaterThan(chip[2][0]);
        assertThat(chip[4][1]).isGreaterThan(chip[0][1]);
    }

    @Test
    void chipToFrameFitsTheEyeCornersAndNose() {
        SimilarityTransform truth = SimilarityTransformTest.rotationScaleShift(Math.toRadians(12), 2.2, 400, 150);
        FaceLandmarks landmarks = landmarksAt(truth);

        SimilarityTransform fitted = aligner.chipToFrame(landmarks);

        assertThat(fitted.scale()).isCloseTo(2.2, within(1e-9));
        assertThat(Math.toDegrees(fitted.angle())).isCloseTo(12, within(1e-9));
    }

    @Test
    void fitResidualIsZeroOnTheTemplateAndGrowsWhenAPointMoves() {
        SimilarityTransform truth = SimilarityTransformTest.rotationScaleShift(Math.toRadians(-7), 3.1, 200, 90);
        FaceLandmarks exact = landmarksAt(truth);
        assertThat(aligner.fitResidual(exact)).isCloseTo(0, within(1e-9));

        double[] moved = exact.points().clone();
        moved[2 * 33] += 3.1 * 10; // the nose 10 chip pixels to the side
        double residual = aligner.fitResidual(new FaceLandmarks(moved));
        assertThat(residual).isBetween(2.0, 10.0);
    }

    @Test
    void pyramidStartsWhenTheFaceIsOverTwiceTheChip() {
        assertThat(FaceAligner.pyramidLevels(0.5)).isZero();
        assertThat(FaceAligner.pyramidLevels(1.9)).isZero();
        assertThat(FaceAligner.pyramidLevels(2.5)).isEqualTo(1);
        assertThat(FaceAligner.pyramidLevels(4.5)).isEqualTo(2);
    }

    /** Dots drawn where a known transform puts the template land on the template in the chip. */
    @ParameterizedTest(name = "scale {0}, {1} degrees")
    @CsvSource({"0.8, 0", "1.6, -15", "3.0, 10", "5.5, 30"})
    void dotsOnTheFaceLandOnTheTemplate(double scale, double degrees) {
        SimilarityTransform truth = SimilarityTransformTest.rotationScaleShift(Math.toRadians(degrees), scale, 300, 120);
        double[][] chipPoints = ChipTemplate.DLIB_150.chipPoints();
        try (Mat frame = blackFrame(1400, 1200)) {
            int radius = (int) Math.max(3, Math.round(4 * scale));
            for (double[] chipPoint : chipPoints) {
                double[] at = truth.apply(chipPoint[0], chipPoint[1]);
                try (Point centre = new Point((int) Math.round(at[0]), (int) Math.round(at[1]));
                        Scalar white = new Scalar(255, 255, 255, 0)) {
                    circle(frame, centre, radius, white, FILLED, 8, 0);
                }
            }

            try (Mat chip = aligner.align(frame, landmarksAt(truth));
                    UByteIndexer pixels = chip.createIndexer()) {
                assertThat(chip.rows()).isEqualTo(150);
                assertThat(chip.cols()).isEqualTo(150);
                for (double[] chipPoint : chipPoints) {
                    int x = (int) Math.round(chipPoint[0]);
                    int y = (int) Math.round(chipPoint[1]);
                    assertThat(pixels.get(y, x, 1)).as("dot at chip (%d, %d)", x, y).isGreaterThan(100);
                }
                // between the eyes and the nose there is no dot
                int midX = (int) Math.round((chipPoints[1][0] + chipPoints[3][0]) / 2);
                int midY = (int) Math.round((chipPoints[1][1] + chipPoints[4][1]) / 2);
                assertThat(pixels.get(midY, midX, 1)).isLessThan(30);
            }
        }
    }

    @Test
    void faceOutsideTheFrameGivesABlackChip() {
        SimilarityTransform farAway = SimilarityTransformTest.rotationScaleShift(0, 3, 5000, 5000);
        try (Mat frame = blackFrame(200, 200)) {
            frame.put(new Scalar(255, 255, 255, 0));
            try (Mat chip = aligner.align(frame, landmarksAt(farAway));
                    UByteIndexer pixels = chip.createIndexer()) {
                assertThat(pixels.get(75, 75, 0)).isZero();
            }
        }
    }

    private static Mat blackFrame(int width, int height) {
        try (MatExpr zeros = Mat.zeros(height, width, CV_8UC3)) {
            return zeros.asMat();
        }
    }

    /** 68 landmarks whose eye corners and nose sit where {@code chipToFrame} takes the template. */
    static FaceLandmarks landmarksAt(SimilarityTransform chipToFrame) {
        double[] points = new double[136];
        double[][] chip = ChipTemplate.DLIB_150.chipPoints();
        for (int i = 0; i < chip.length; i++) {
            double[] at = chipToFrame.apply(chip[i][0], chip[i][1]);
            points[2 * ChipTemplate.LANDMARK_INDICES[i]] = at[0];
            points[2 * ChipTemplate.LANDMARK_INDICES[i] + 1] = at[1];
        }
        return new FaceLandmarks(points);
    }
}
