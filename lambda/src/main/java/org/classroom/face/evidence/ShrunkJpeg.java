package org.classroom.face.evidence;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** A whole frame as a smaller JPEG: the frame view's picture, or a filmstrip thumbnail. */
final class ShrunkJpeg {

    private ShrunkJpeg() {
    }

    /**
     * @param maxWidth  the widest the picture may be
     * @param maxHeight the highest it may be; the frame keeps its proportions and is never enlarged
     * @return the JPEG bytes; empty when the frame holds no pixels
     */
    static byte[] of(Mat frame, int maxWidth, int maxHeight, int quality) {
        try (Mat small = shrunk(frame, maxWidth, maxHeight)) {
            return encoded(small, quality);
        }
    }

    /** The frame at most this size, as a new image of its own (the caller closes it); empty when it has no pixels. */
    static Mat shrunk(Mat frame, int maxWidth, int maxHeight) {
        if (frame.cols() <= 0 || frame.rows() <= 0) {
            return new Mat();
        }
        double scale = Math.min(1.0, Math.min((double) maxWidth / frame.cols(), (double) maxHeight / frame.rows()));
        if (scale >= 1.0) {
            return frame.clone();
        }
        Mat small = new Mat();
        try (Size size = new Size(Math.max(1, (int) Math.round(frame.cols() * scale)),
                Math.max(1, (int) Math.round(frame.rows() * scale)))) {
            // INTER_AREA averages the pixels a smaller one covers: no shimmer of skipped pixels.
            resize(frame, small, size, 0, 0, INTER_AREA);
        }
        return small;
    }

    /** The picture as a JPEG; empty when it has no pixels or cannot be encoded. */
    static byte[] encoded(Mat picture, int quality) {
        if (picture.cols() <= 0 || picture.rows() <= 0) {
            return new byte[0];
        }
        try (IntPointer settings = new IntPointer(IMWRITE_JPEG_QUALITY, quality);
                BytePointer jpeg = new BytePointer()) {
            if (!imencode(".jpg", picture, jpeg, settings)) {
                return new byte[0];
            }
            byte[] bytes = new byte[(int) jpeg.limit()];
            jpeg.get(bytes);
            return bytes;
        }
    }
}
