package org.classroom.face.evidence;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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

    /**
     * The picture's compression started on {@code worker} once the frame is shrunk here: the frame itself may be
     * gone by the time the worker gets to it. Empty bytes when the frame holds no pixels.
     */
    public static CompletableFuture<byte[]> of(Mat frame, Executor worker) {
        Mat small = ShrunkJpeg.shrunk(frame, MAX_SIDE, MAX_SIDE);
        try {
            return CompletableFuture.supplyAsync(() -> {
                try (small) {
                    return ShrunkJpeg.encoded(small, JPEG_QUALITY);
                }
            }, worker);
        } catch (RuntimeException e) {
            small.close();
            throw e;
        }
    }
}
