package org.classroom.face.detect;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;

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
 * Where a frame lies in a detector's input: scaled by one factor, top-left corner kept, the rest black. face-api
 * pads every frame to a square ({@link #square}); a network that takes any shape can be given the frame's own
 * proportions instead ({@link #fitted}), so that none of its work goes on padding (44% of a square for a 16:9
 * frame). Sampling is plain bilinear without half-pixel centres (TF's {@code resizeBilinear}); then RGB,
 * {@code (pixel - mean) * scale}, NCHW. Scaling and padding are one affine warp, so no padded copy is made.
 *
 * @param width  the input's width in pixels
 * @param height the input's height in pixels
 * @param scale  input pixels per frame pixel
 */
record DetectorInput(int width, int height, double scale) {

    /** Networks that halve their grid five times need sides that are multiples of this. */
    static final int STRIDE = 32;

    DetectorInput {
        if (width < 1 || height < 1 || !(scale > 0)) {
            throw new IllegalArgumentException("a detector input needs a size and a scale");
        }
    }

    /** face-api's way: the frame padded bottom/right to a square of its longer side, resized to {@code size}. */
    static DetectorInput square(Mat frame, int size) {
        requireFrame(frame);
        return new DetectorInput(size, size, (double) size / side(frame));
    }

    /**
     * The frame's own proportions: its longer side scaled to {@code longSide}, each side rounded up to a multiple of
     * {@link #STRIDE} (the few rows or columns that adds are black).
     */
    static DetectorInput fitted(Mat frame, int longSide) {
        requireFrame(frame);
        double scale = (double) longSide / side(frame);
        return new DetectorInput(roundUp(frame.cols() * scale), roundUp(frame.rows() * scale), scale);
    }

    /** The longer side of a frame. */
    static int side(Mat frame) {
        return Math.max(frame.cols(), frame.rows());
    }

    /** Pixels rounded up to a whole number of {@link #STRIDE}s. */
    static int roundUp(double pixels) {
        return Math.max(STRIDE, (int) Math.ceil(pixels / STRIDE - 1e-9) * STRIDE);
    }

    /**
     * @param meanRgb subtracted per channel, in R, G, B order
     * @param factor  multiplied after the mean is subtracted
     */
    Mat blob(Mat frame, double[] meanRgb, double factor) {
        try (Mat picture = picture(frame);
                Size target = new Size(width, height);
                Scalar mean = new Scalar(meanRgb[0], meanRgb[1], meanRgb[2], 0)) {
            return opencv_dnn.blobFromImage(picture, factor, target, mean, true, false, CV_32F);
        }
    }

    /** The input as an 8-bit BGR picture: the frame scaled into its top-left corner, black elsewhere. */
    Mat picture(Mat frame) {
        requireFrame(frame);
        Mat bgr = frame;
        if (frame.channels() == 1 || frame.channels() == 4) {
            bgr = new Mat();
            opencv_imgproc.cvtColor(frame, bgr, frame.channels() == 1 ? COLOR_GRAY2BGR : COLOR_BGRA2BGR);
        } else if (frame.type() != CV_8UC3) {
            throw new IllegalArgumentException("expected an 8-bit BGR frame, got OpenCV type " + frame.type());
        }
        try {
            return scaled(bgr, 0, 0, scale, width, height);
        } finally {
            if (bgr != frame) {
                bgr.close();
            }
        }
    }

    /**
     * The part of a frame from ({@code left}, {@code top}) scaled by {@code scale} into a {@code width × height}
     * picture, black where it lies beyond the frame: scaling and cropping in one affine warp, sampling as TF's
     * {@code resizeBilinear} does (no half-pixel centres).
     */
    static Mat scaled(Mat frame, double left, double top, double scale, int width, int height) {
        Mat picture = new Mat();
        try (Mat toPicture = new Mat(2, 3, CV_64F);
                DoubleIndexer m = toPicture.createIndexer();
                Size target = new Size(width, height);
                Scalar black = new Scalar(0.0)) {
            m.put(0, 0, scale).put(0, 1, 0).put(0, 2, -left * scale);
            m.put(1, 0, 0).put(1, 1, scale).put(1, 2, -top * scale);
            opencv_imgproc.warpAffine(frame, picture, toPicture, target, INTER_LINEAR, BORDER_CONSTANT, black);
        }
        return picture;
    }

    /**
     * Boxes as fractions of the input's width and height, as faces in the frame's pixels; what lies in the padding
     * is clipped away.
     */
    List<DetectedFace> facesInFrame(List<NonMaxSuppression.Box> boxes, Mat frame) {
        double xs = width / scale;
        double ys = height / scale;
        List<DetectedFace> faces = new ArrayList<>();
        for (NonMaxSuppression.Box box : boxes) {
            double left = clamp(box.left() * xs, frame.cols());
            double top = clamp(box.top() * ys, frame.rows());
            double right = clamp(box.right() * xs, frame.cols());
            double bottom = clamp(box.bottom() * ys, frame.rows());
            if (right > left && bottom > top) {
                faces.add(new DetectedFace(left, top, right - left, bottom - top, box.score()));
            }
        }
        return faces;
    }

    private static void requireFrame(Mat frame) {
        if (frame == null || frame.empty()) {
            throw new IllegalArgumentException("empty frame");
        }
    }

    private static double clamp(double value, int max) {
        return Math.max(0, Math.min(max, value));
    }
}
