package org.classroom.face.dnn;

import org.bytedeco.opencv.opencv_core.Mat;

/** One loaded network in one runtime: runs a checked input blob and returns each output's values. */
interface NetworkRunner extends AutoCloseable {

    /** Each output's values, row-major NCHW, in the order the outputs were marked. */
    float[][] run(Mat blob);

    @Override
    void close();
}
