package org.classroom.face.video;

import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.rotate;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Turns frames of clips stored sideways (phones record that way and mark the turn in the stream's
 * display matrix, or in an old-style {@code rotate} tag) upright, as a player would show them.
 */
final class FrameRotation {

    private FrameRotation() {
    }

    /**
     * The clockwise turn, in 0, 90, 180 or 270 degrees, that shows the frame upright.
     *
     * @param displayMatrixDegrees FFmpeg's display-matrix angle (counter-clockwise, as
     *                             {@code av_display_rotation_get} reports it; NaN or 0 when absent)
     * @param rotateTag            the stream's {@code rotate} metadata (degrees clockwise), or null
     */
    static int clockwiseDegrees(double displayMatrixDegrees, String rotateTag) {
        double degrees = 0;
        if (!Double.isNaN(displayMatrixDegrees) && displayMatrixDegrees != 0) {
            // The matrix says how far the stored picture must turn counter-clockwise.
            degrees = displayMatrixDegrees;
        } else if (rotateTag != null && !rotateTag.isBlank()) {
            try {
                degrees = -Double.parseDouble(rotateTag.trim());
            } catch (NumberFormatException ignored) {
                degrees = 0;
            }
        }
        long quarterTurnsCounterClockwise = Math.round(degrees / 90.0);
        int counterClockwise = (int) Math.floorMod(quarterTurnsCounterClockwise * 90, 360);
        return (360 - counterClockwise) % 360;
    }

    /** The frame turned clockwise by {@code degrees}: a new Mat, or the same one for 0. */
    static Mat turn(Mat frame, int clockwiseDegrees) {
        int code;
        switch (clockwiseDegrees) {
            case 0:
                return frame;
            case 90:
                code = ROTATE_90_CLOCKWISE;
                break;
            case 180:
                code = ROTATE_180;
                break;
            case 270:
                code = ROTATE_90_COUNTERCLOCKWISE;
                break;
            default:
                throw new IllegalArgumentException("not a quarter turn: " + clockwiseDegrees);
        }
        Mat turned = new Mat();
        rotate(frame, turned, code);
        return turned;
    }
}
