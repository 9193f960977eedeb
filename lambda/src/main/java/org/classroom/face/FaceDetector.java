package org.classroom.face;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Finds faces in one frame. Implementations hold a loaded network and are not thread-safe. */
public interface FaceDetector extends AutoCloseable {

    /**
     * The faces in a frame, best score first, after non-maximum suppression.
     *
     * @param bgrFrame an 8-bit, 3-channel BGR image (OpenCV's and FFmpeg's usual layout)
     */
    List<DetectedFace> detect(Mat bgrFrame);

    @Override
    void close();
}
