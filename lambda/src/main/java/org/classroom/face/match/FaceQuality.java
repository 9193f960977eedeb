package org.classroom.face.match;

import org.classroom.face.FaceLandmarks;

/** Cheap measures of how usable a face is, from its 68 landmarks. */
public final class FaceQuality {

    private static final int JAW_RIGHT = 2;
    private static final int JAW_LEFT = 14;
    private static final int NOSE_TIP = 30;
    private static final int RIGHT_EYE_OUTER = 36;
    private static final int LEFT_EYE_OUTER = 45;

    private FaceQuality() {
    }

    /**
     * 1 for a face looking into the camera, towards 0 for a profile: how evenly the nose tip sits
     * between the two sides of the face (jaw and outer eye corners, averaged). A turned head puts the
     * nose near one side; landmarks and encodings of such faces drift, so they should not name anyone.
     */
    public static double frontality(FaceLandmarks landmarks) {
        double jaw = balance(landmarks, JAW_RIGHT, JAW_LEFT);
        double eyes = balance(landmarks, RIGHT_EYE_OUTER, LEFT_EYE_OUTER);
        return (jaw + eyes) / 2;
    }

    /** min/max of the nose's horizontal distances to the two points, along the line between them. */
    private static double balance(FaceLandmarks landmarks, int right, int left) {
        double ax = landmarks.x(right);
        double ay = landmarks.y(right);
        double bx = landmarks.x(left);
        double by = landmarks.y(left);
        double dx = bx - ax;
        double dy = by - ay;
        double length = Math.hypot(dx, dy);
        if (length < 1e-6) {
            return 0;
        }
        // Position of the nose projected on the line from the right point to the left one, 0..1.
        double t = ((landmarks.x(NOSE_TIP) - ax) * dx + (landmarks.y(NOSE_TIP) - ay) * dy) / (length * length);
        t = Math.max(0, Math.min(1, t));
        double near = Math.min(t, 1 - t);
        double far = Math.max(t, 1 - t);
        return far == 0 ? 0 : near / far;
    }
}
