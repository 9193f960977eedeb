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
        if (frame.cols() <= 0 || frame.rows() <= 0) {
            return new byte[0];
        }
        double scale = Math.min(1.0, Math.min((double) maxWidth / frame.cols(), (double) maxHeight / frame.rows()));
        try (Mat small = new Mat();
                Size size = new Size(Math.max(1, (int) Math.round(frame.cols() * scale)),
                        Math.max(1, (int) Math.round(frame.rows() * scale)));
                IntPointer settings = new IntPointer(IMWRITE_JPEG_QUALITY, quality);
                BytePointer jpeg = new BytePointer()) {
            Mat source = frame;
            if (scale < 1.0) {
                // INTER_AREA averages the pixels a smaller one covers: no shimmer of skipped pixels.
                resize(frame, small, size, 0, 0, INTER_AREA);
                source = small;
            }
            if (!imencode(".jpg", source, jpeg, settings)) {
                return new byte[0];
            }
            byte[] bytes = new byte[(int) jpeg.limit()];
            jpeg.get(bytes);
            return bytes;
        }
    }
}
