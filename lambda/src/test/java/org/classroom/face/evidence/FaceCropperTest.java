package org.classroom.face.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.classroom.common.model.FaceBox;
import org.junit.jupiter.api.Test;

class FaceCropperTest {

    private final FaceCropper cropper = new FaceCropper();

    @Test
    void aLargeFaceIsScaledDownToTheMaximumSideWithItsMargin() {
        try (Mat frame = new Mat(1080, 1920, CV_8UC3, new Scalar(40, 90, 160, 0))) {
            byte[] jpeg = cropper.crop(frame, new FaceBox(800, 300, 400, 400));

            assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);
            try (Mat image = imdecode(new Mat(jpeg), IMREAD_COLOR)) {
                assertThat(image.cols()).isEqualTo(FaceCropper.MAX_SIDE);
                assertThat(image.rows()).isEqualTo(FaceCropper.MAX_SIDE);
            }
        }
    }

    @Test
    void aSmallFaceAtTheEdgeIsKeptAtItsOwnSizeWithinTheFrame() {
        try (Mat frame = new Mat(240, 320, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            byte[] jpeg = cropper.crop(frame, new FaceBox(0, 0, 40, 40));

            try (Mat image = imdecode(new Mat(jpeg), IMREAD_COLOR)) {
                // 40 px plus a 10 px margin on the two sides that are inside the frame.
                assertThat(image.cols()).isEqualTo(50);
                assertThat(image.rows()).isEqualTo(50);
            }
        }
    }

    @Test
    void aBoxOutsideTheFrameGivesNoCrop() {
        try (Mat frame = new Mat(240, 320, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            assertThat(cropper.crop(frame, new FaceBox(400, 300, 20, 20))).isEmpty();
        }
    }
}
