package org.classroom.face;

/**
 * The 68 facial landmarks of one face (iBUG 300-W order, as dlib and face-api use), in pixels of the
 * frame. {@code points} holds x0, y0, x1, y1, ... (136 numbers).
 */
public record FaceLandmarks(double[] points) {

    public FaceLandmarks {
        if (points.length != 136) {
            throw new IllegalArgumentException("68 landmarks are 136 numbers, not " + points.length);
        }
    }

    public double x(int index) {
        return points[2 * index];
    }

    public double y(int index) {
        return points[2 * index + 1];
    }
}
