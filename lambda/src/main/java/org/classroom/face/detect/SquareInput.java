package org.classroom.face.detect;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.classroom.face.DetectedFace;

/**
 * Turns a frame into a detector's input blob the way face-api does: pad the bottom and right with black
 * to a square, resize that square to the network's size with plain bilinear sampling (TF's
 * {@code resizeBilinear} without half-pixel centres), then RGB, {@code (pixel - mean) * scale}, NCHW.
 * Padding and resizing are one affine warp, so the padded square is never allocated.
 */
final class SquareInput {

    private SquareInput() {
    }

    /** The side of the square the frame is padded to; network coordinates in [0, 1] scale by it. */
    static int side(Mat frame) {
        return Math.max(frame.cols(), frame.rows());
    }

    /**
     * @param meanRgb subtracted per channel, in R, G, B order
     * @param scale   multiplied after the mean is subtracted
     */
    static Mat blob(Mat frame, int size, double[] meanRgb, double scale) {
        try (Mat square = square(frame, size);
                Size target = new Size(size, size);
                Scalar mean = new Scalar(meanRgb[0], meanRgb[1], meanRgb[2], 0)) {
            return opencv_dnn.blobFromImage(square, scale, target, mean, true, false, CV_32F);
        }
    }

    /** The frame padded bottom/right to a square and resized to {@code size x size}, still BGR 8-bit. */
    static Mat square(Mat frame, int size) {
        if (frame == null || frame.empty()) {
            throw new IllegalArgumentException("empty frame");
        }
        Mat bgr = frame;
        if (frame.channels() == 1 || frame.channels() == 4) {
            bgr = new Mat();
            opencv_imgproc.cvtColor(frame, bgr, frame.channels() == 1 ? COLOR_GRAY2BGR : COLOR_BGRA2BGR);
        } else if (frame.type() != CV_8UC3) {
            throw new IllegalArgumentException("expected an 8-bit BGR frame, got OpenCV type " + frame.type());
        }
        double factor = (double) side(frame) / size;
        Mat square = new Mat();
        try (Mat toSource = new Mat(2, 3, CV_64F);
                DoubleIndexer m = toSource.createIndexer();
                Size target = new Size(size, size);
                Scalar black = new Scalar(0.0)) {
            // destination (x, y) samples the source at (x * factor, y * factor)
            m.put(0, 0, factor).put(0, 1, 0).put(0, 2, 0);
            m.put(1, 0, 0).put(1, 1, factor).put(1, 2, 0);
            opencv_imgproc.warpAffine(bgr, square, toSource, target, INTER_LINEAR | WARP_INVERSE_MAP,
                    BORDER_CONSTANT, black);
            return square;
        } finally {
            if (bgr != frame) {
                bgr.close();
            }
        }
    }

    /**
     * Boxes normalised to the padded square, as faces in the frame's pixels: the square's side scales
     * them back, and the bottom and right padding is clipped away.
     */
    static List<DetectedFace> facesInFrame(List<NonMaxSuppression.Box> boxes, Mat frame) {
        int side = side(frame);
        List<DetectedFace> faces = new ArrayList<>();
        for (NonMaxSuppression.Box box : boxes) {
            double left = clamp(box.left() * side, frame.cols());
            double top = clamp(box.top() * side, frame.rows());
            double right = clamp(box.right() * side, frame.cols());
            double bottom = clamp(box.bottom() * side, frame.rows());
            if (right > left && bottom > top) {
                faces.add(new DetectedFace(left, top, right - left, bottom - top, box.score()));
            }
        }
        return faces;
    }

    private static double clamp(double value, int max) {
        return Math.max(0, Math.min(max, value));
    }
}
