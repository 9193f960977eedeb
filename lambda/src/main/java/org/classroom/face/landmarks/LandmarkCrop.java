package org.classroom.face.landmarks;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.classroom.face.DetectedFace;

/**
 * The landmark net's view of a face, as face-api prepares it: the box clipped to the frame and
 * floored, padded with black to a centred square, and resized to the input size with TF's bilinear
 * resize (no half-pixel centres, edges clamped). Knows how to take the net's output, fractions of the
 * square, back to frame pixels.
 *
 * @param left   frame x of the crop's left column
 * @param top    frame y of the crop's top row
 * @param width  crop width in pixels
 * @param height crop height in pixels
 */
record LandmarkCrop(int left, int top, int width, int height) {

    /** The face-api crop of a detection, or an exception naming the box when nothing of it is in the frame. */
    static LandmarkCrop of(DetectedFace face, int frameWidth, int frameHeight) {
        double x = Math.max(face.x(), 0);
        double y = Math.max(face.y(), 0);
        double width = Math.min(face.x() + face.width() - x, frameWidth - x);
        double height = Math.min(face.y() + face.height() - y, frameHeight - y);
        LandmarkCrop crop = new LandmarkCrop((int) Math.floor(x), (int) Math.floor(y),
                (int) Math.floor(width), (int) Math.floor(height));
        if (crop.width <= 0 || crop.height <= 0 || crop.left >= frameWidth || crop.top >= frameHeight) {
            throw new IllegalArgumentException("face box " + face + " lies outside the "
                    + frameWidth + "x" + frameHeight + " frame");
        }
        return crop;
    }

    /** The side of the padded square. */
    int side() {
        return Math.max(width, height);
    }

    /** Black columns before the crop (face-api puts the rounded-up half after it). */
    int padLeft() {
        int difference = side() - width;
        return difference - (int) Math.round(difference * 0.5);
    }

    int padTop() {
        int difference = side() - height;
        return difference - (int) Math.round(difference * 0.5);
    }

    /**
     * The {@code size × size} image the net sees, RGB planes one after the other (NCHW, 0..255, not yet
     * normalised). Resized with TF's bilinear rule, computed here rather than by OpenCV's
     * {@code resize}/{@code warpAffine}, which use half-pixel centres or 1/32-pixel fixed-point positions:
     * the net is sensitive enough to notice.
     */
    float[] square(Mat bgrFrame, int size) {
        byte[] bgr = cropBytes(bgrFrame);
        int side = side();
        int padLeft = padLeft();
        int padTop = padTop();
        double step = (double) side / size; // TF without half-pixel centres: source = destination × in/out
        float[] planes = new float[3 * size * size];
        for (int v = 0; v < size; v++) {
            double sy = v * step;
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(y0 + 1, side - 1);
            double fy = sy - y0;
            for (int u = 0; u < size; u++) {
                double sx = u * step;
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(x0 + 1, side - 1);
                double fx = sx - x0;
                for (int c = 0; c < 3; c++) {
                    int channel = 2 - c; // BGR in, RGB out
                    double topLeft = padded(bgr, x0 - padLeft, y0 - padTop, channel);
                    double topRight = padded(bgr, x1 - padLeft, y0 - padTop, channel);
                    double bottomLeft = padded(bgr, x0 - padLeft, y1 - padTop, channel);
                    double bottomRight = padded(bgr, x1 - padLeft, y1 - padTop, channel);
                    double top = topLeft + (topRight - topLeft) * fx;
                    double bottom = bottomLeft + (bottomRight - bottomLeft) * fx;
                    planes[(c * size + v) * size + u] = (float) (top + (bottom - top) * fy);
                }
            }
        }
        return planes;
    }

    /** A crop pixel, or black in the padding around it. */
    private double padded(byte[] bgr, int x, int y, int channel) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return 0;
        }
        return bgr[(y * width + x) * 3 + channel] & 0xff;
    }

    private byte[] cropBytes(Mat bgrFrame) {
        byte[] bytes = new byte[width * height * 3];
        try (Rect region = new Rect(left, top, width, height);
                Mat view = new Mat(bgrFrame, region);
                Mat continuous = view.clone()) {
            continuous.data().get(bytes);
        }
        return bytes;
    }

    /** Frame pixels of the net's output: x, y pairs as fractions of the padded square. */
    double[] toFrame(float[] fractions) {
        double[] points = new double[fractions.length];
        for (int i = 0; i < fractions.length; i += 2) {
            points[i] = left + fractions[i] * side() - padLeft();
            points[i + 1] = top + fractions[i + 1] * side() - padTop();
        }
        return points;
    }
}
