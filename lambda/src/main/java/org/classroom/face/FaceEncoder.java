package org.classroom.face;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Turns an aligned face chip (150×150 BGR, dlib's chip layout) into a 128-number descriptor
 * comparable, by Euclidean distance, with the course's dlib gallery. Not thread-safe.
 */
public interface FaceEncoder extends AutoCloseable {

    int CHIP_SIZE = 150;
    int LENGTH = 128;

    double[] encode(Mat alignedChip);

    @Override
    void close();
}
