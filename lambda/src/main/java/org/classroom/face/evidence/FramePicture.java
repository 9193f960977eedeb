package org.classroom.face.evidence;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The picture of a best view's whole frame: at most {@link #MAX_SIDE} pixels on its long side, enough to
 * see who sat where beside the results table, a JPEG of some tens of kilobytes. The boxes are not drawn on
 * it: the desktop draws them, so that a corrected name shows at once.
 */
public final class FramePicture {

    public static final int MAX_SIDE = 640;
    private static final int JPEG_QUALITY = 80;

    private FramePicture() {
    }

    public static byte[] of(Mat frame) {
        return ShrunkJpeg.of(frame, MAX_SIDE, MAX_SIDE, JPEG_QUALITY);
    }
}
