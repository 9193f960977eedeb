package org.classroom.face.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.classroom.face.DetectedFace;
import org.junit.jupiter.api.Test;

class DetectorInputTest {

    @Test
    void aFittedInputKeepsTheFramesProportionsWithSidesRoundedUpToTheGrid() {
        assertThat(fitted(1280, 720)).isEqualTo(new int[] {512, 288});
        assertThat(fitted(1920, 1080)).isEqualTo(new int[] {512, 288});
        assertThat(fitted(854, 480)).isEqualTo(new int[] {512, 288});
        assertThat(fitted(720, 1280)).isEqualTo(new int[] {288, 512});
        assertThat(fitted(640, 480)).isEqualTo(new int[] {512, 384});
        assertThat(fitted(500, 500)).isEqualTo(new int[] {512, 512});
    }

    @Test
    void aSquareInputPadsTheShorterSide() {
        try (Mat frame = new Mat(720, 1280, opencv_core.CV_8UC3, new Scalar(0.0))) {
            DetectorInput input = DetectorInput.square(frame, 512);
            assertThat(input.width()).isEqualTo(512);
            assertThat(input.height()).isEqualTo(512);
            assertThat(input.scale()).isCloseTo(0.4, within(1e-9));
        }
    }

    @Test
    void boxesAsFractionsOfTheInputComeBackInFramePixelsClippedToTheFrame() {
        try (Mat frame = new Mat(720, 1280, opencv_core.CV_8UC3, new Scalar(0.0))) {
            DetectorInput input = DetectorInput.fitted(frame, 512);
            // 512x288 at 0.4: a box over the input's left half and top half is 640x360 pixels of the frame.
            List<DetectedFace> faces = input.facesInFrame(List.of(
                    new NonMaxSuppression.Box(0, 0, 0.5, 0.5, 0.9, 0),
                    new NonMaxSuppression.Box(0.9, 0.9, 1.2, 1.2, 0.8, 1)), frame);
            assertThat(faces.get(0).width()).isCloseTo(640, within(1e-6));
            assertThat(faces.get(0).height()).isCloseTo(360, within(1e-6));
            assertThat(faces.get(1).x() + faces.get(1).width()).isEqualTo(1280);
            assertThat(faces.get(1).y() + faces.get(1).height()).isEqualTo(720);
        }
    }

    @Test
    void thePictureIsTheFrameScaledIntoTheInputsCorner() {
        try (Mat frame = new Mat(720, 1280, opencv_core.CV_8UC3, new Scalar(255, 255, 255, 0));
                Mat picture = DetectorInput.square(frame, 512).picture(frame)) {
            assertThat(picture.cols()).isEqualTo(512);
            assertThat(picture.rows()).isEqualTo(512);
            try (var pixels = picture.<org.bytedeco.javacpp.indexer.UByteIndexer>createIndexer()) {
                assertThat(pixels.get(100, 100, 0)).as("inside the frame").isEqualTo(255);
                assertThat(pixels.get(400, 100, 0)).as("below it: padding").isZero();
            }
        }
    }

    private static int[] fitted(int cols, int rows) {
        try (Mat frame = new Mat(rows, cols, opencv_core.CV_8UC3, new Scalar(0.0))) {
            DetectorInput input = DetectorInput.fitted(frame, 512);
            return new int[] {input.width(), input.height()};
        }
    }
}
