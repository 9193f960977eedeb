package org.classroom.face.evidence;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.classroom.common.model.FaceBox;

/**
 * A small JPEG of one face: its box widened by a margin (hair and chin help a person tell who it is), cut
 * from the frame already in memory and scaled down to at most {@link #MAX_SIDE} pixels a side.
 */
public final class FaceCropper {

    /** Large enough to recognise someone beside a name, small enough to keep one per encoded face. */
    public static final int MAX_SIDE = 160;
    private static final double MARGIN = 0.25;
    private static final int JPEG_QUALITY = 85;

    /** @return the JPEG bytes, or an empty array when the box holds no pixels of the frame */
    public byte[] crop(Mat frame, FaceBox box) {
        Rect region = widened(box, frame.cols(), frame.rows());
        if (region.width() <= 0 || region.height() <= 0) {
            region.close();
            return new byte[0];
        }
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(region.width(), region.height()));
        try (region; Mat face = new Mat(frame, region); Mat small = new Mat();
                Size size = new Size(Math.max(1, (int) Math.round(region.width() * scale)),
                        Math.max(1, (int) Math.round(region.height() * scale)));
                IntPointer quality = new IntPointer(IMWRITE_JPEG_QUALITY, JPEG_QUALITY);
                BytePointer jpeg = new BytePointer()) {
            resize(face, small, size, 0, 0, INTER_AREA);
            if (!imencode(".jpg", small, jpeg, quality)) {
                return new byte[0];
            }
            byte[] bytes = new byte[(int) jpeg.limit()];
            jpeg.get(bytes);
            return bytes;
        }
    }

    private static Rect widened(FaceBox box, int frameWidth, int frameHeight) {
        int marginX = (int) Math.round(box.width() * MARGIN);
        int marginY = (int) Math.round(box.height() * MARGIN);
        int left = Math.max(0, box.x() - marginX);
        int top = Math.max(0, box.y() - marginY);
        int right = Math.min(frameWidth, box.x() + box.width() + marginX);
        int bottom = Math.min(frameHeight, box.y() + box.height() + marginY);
        return new Rect(left, top, right - left, bottom - top);
    }
}
