package org.classroom.face.landmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatExpr;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.classroom.face.DetectedFace;
import org.junit.jupiter.api.Test;

class LandmarkCropTest {

    @Test
    void clipsTheBoxToTheFrameAndFloorsIt() {
        LandmarkCrop crop = LandmarkCrop.of(new DetectedFace(-10.7, 20.6, 100.9, 60.2, 0.9), 640, 480);
        assertThat(crop).isEqualTo(new LandmarkCrop(0, 20, 90, 60));
        LandmarkCrop edge = LandmarkCrop.of(new DetectedFace(600, 450, 100, 100, 0.9), 640, 480);
        assertThat(edge).isEqualTo(new LandmarkCrop(600, 450, 40, 30));
    }

    @Test
    void refusesABoxOutsideTheFrame() {
        assertThatThrownBy(() -> LandmarkCrop.of(new DetectedFace(700, 10, 50, 50, 0.9), 640, 480))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside");
    }

    @Test
    void padsTheShortSideEquallyWithTheExtraPixelAfter() {
        LandmarkCrop tall = new LandmarkCrop(0, 0, 45, 50);
        assertThat(tall.side()).isEqualTo(50);
        assertThat(tall.padLeft()).isEqualTo(2); // 5 to spread: 2 before, 3 after (JS rounds 2.5 up)
        assertThat(tall.padTop()).isZero();
        LandmarkCrop wide = new LandmarkCrop(0, 0, 80, 60);
        assertThat(wide.padTop()).isEqualTo(10);
    }

    @Test
    void mapsFractionsOfTheSquareBackToTheFrame() {
        LandmarkCrop crop = new LandmarkCrop(100, 200, 60, 80); // 10 black columns left of the crop
        double[] frame = crop.toFrame(new float[] {0.125f, 0.5f, 1f, 0f});
        assertThat(frame[0]).isCloseTo(100 + 0.125 * 80 - 10, within(1e-6));
        assertThat(frame[1]).isCloseTo(200 + 40, within(1e-6));
        assertThat(frame[2]).isCloseTo(100 + 80 - 10, within(1e-6));
        assertThat(frame[3]).isCloseTo(200, within(1e-6));
    }

    @Test
    void squareShowsTheCropCentredOnBlackInRgbPlanes() {
        try (MatExpr zeros = Mat.zeros(300, 400, CV_8UC3); Mat frame = zeros.asMat();
                Rect face = new Rect(100, 50, 100, 200);
                Mat faceArea = new Mat(frame, face);
                Scalar colour = new Scalar(200, 100, 50, 0)) { // B, G, R
            faceArea.put(colour);
            LandmarkCrop crop = LandmarkCrop.of(new DetectedFace(100, 50, 100, 200, 1), 400, 300);
            float[] planes = crop.square(frame, 100);
            assertThat(planes).hasSize(3 * 100 * 100);
            // the 100×200 face becomes 50×100 in the middle; 25 black columns each side
            assertThat(planes[pixel(0, 50, 50)]).isCloseTo(50f, within(1e-3f)); // red plane first
            assertThat(planes[pixel(1, 50, 50)]).isCloseTo(100f, within(1e-3f));
            assertThat(planes[pixel(2, 50, 50)]).isCloseTo(200f, within(1e-3f));
            assertThat(planes[pixel(2, 50, 10)]).isZero();
            assertThat(planes[pixel(2, 50, 90)]).isZero();
        }
    }

    /** TF's resize samples source = destination × in/out and blends the two neighbours. */
    @Test
    void resizesWithoutHalfPixelCentres() {
        try (MatExpr zeros = Mat.zeros(4, 4, CV_8UC3); Mat frame = zeros.asMat();
                UByteIndexer pixels = frame.createIndexer()) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    pixels.put(y, x, 2, 40 * x); // red rises to the right
                }
            }
            float[] planes = new LandmarkCrop(0, 0, 4, 4).square(frame, 3);
            // destination 1 samples source 4/3: 40 + (80 - 40) / 3; destination 2 samples 8/3
            assertThat(planes[pixel(0, 0, 1, 3)]).isCloseTo(40f + 40f / 3, within(1e-3f));
            assertThat(planes[pixel(0, 0, 2, 3)]).isCloseTo(80f + 40f * 2 / 3, within(1e-3f));
            assertThat(planes[pixel(0, 0, 0, 3)]).isZero();
        }
    }

    private static int pixel(int channel, int y, int x) {
        return pixel(channel, y, x, 100);
    }

    private static int pixel(int channel, int y, int x, int size) {
        return (channel * size + y) * size + x;
    }
}
