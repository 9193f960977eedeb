package org.classroom.face.detect;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * How a detector lays a frame into its input: face-api's way, padded to a square of {@code size}, or
 * {@code fitted}: the frame's own proportions, its longer side at {@code size}.
 */
record InputLayout(int size, boolean fitted) {

    InputLayout {
        if (size < 64 || size % DetectorInput.STRIDE != 0) {
            throw new IllegalArgumentException("input size must be a multiple of 32 (at least 64), got " + size);
        }
    }

    DetectorInput of(Mat frame) {
        return fitted ? DetectorInput.fitted(frame, size) : DetectorInput.square(frame, size);
    }

    /** The input most frames get (a square, or 16:9 landscape): built before the first frame, not during it. */
    int commonWidth() {
        return size;
    }

    int commonHeight() {
        return fitted ? DetectorInput.roundUp(size * 9 / 16.0) : size;
    }
}
