package org.classroom.face.video;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One frame taken from a clip: an upright 8-bit BGR image that the caller owns (close it), the time
 * it shows in the clip and its place among the samples.
 */
public record SampledFrame(Mat image, double seconds, int sampleIndex) implements AutoCloseable {

    public int width() {
        return image.cols();
    }

    public int height() {
        return image.rows();
    }

    @Override
    public void close() {
        image.close();
    }
}
