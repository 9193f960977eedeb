package org.classroom.face;

import org.bytedeco.opencv.opencv_core.Mat;

/** Places the 68 landmarks on a detected face. Not thread-safe. */
public interface LandmarkLocator extends AutoCloseable {

    FaceLandmarks locate(Mat bgrFrame, DetectedFace face);

    @Override
    void close();
}
