package org.classroom.face.align;

import org.classroom.face.FaceLandmarks;

/**
 * Where dlib puts five face points on its face chip, and which of the 68 landmarks they are.
 *
 * <p>dlib's {@code get_face_chip_details} places the points of its 5-point shape model (outer and
 * inner corner of the eye on the image's right, the same for the eye on the image's left, and the
 * base of the nose) on a mean-face template in the unit square, grown by {@code padding} on every
 * side. The course's gallery was made with that model, size 150 and padding 0.25; in the iBUG 68-point
 * order the same points are 45, 42, 36, 39 and 33.
 */
public final class ChipTemplate {

    /** dlib's template, unit square, before padding: {x, y} per point. */
    private static final double[][] UNIT_POINTS = {
        {0.8595674595992, 0.2134981538014},
        {0.6460604764104, 0.2289674387677},
        {0.1205750620789, 0.2137274526848},
        {0.3340850613712, 0.2290642403242},
        {0.4901123135679, 0.6277975316475},
    };

    /** The 68-point indices of the template's points, in the template's order. */
    static final int[] LANDMARK_INDICES = {45, 42, 36, 39, 33};

    /** dlib's face descriptor input: 150 pixels, padding 0.25. */
    public static final ChipTemplate DLIB_150 = new ChipTemplate(150, 0.25);

    private final int size;
    private final double padding;

    public ChipTemplate(int size, double padding) {
        if (size <= 0 || padding < 0) {
            throw new IllegalArgumentException("chip size must be positive and padding not negative");
        }
        this.size = size;
        this.padding = padding;
    }

    public int size() {
        return size;
    }

    public double padding() {
        return padding;
    }

    /** The five template points in chip pixels. */
    public double[][] chipPoints() {
        double[][] points = new double[UNIT_POINTS.length][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {
                (padding + UNIT_POINTS[i][0]) / (2 * padding + 1) * size,
                (padding + UNIT_POINTS[i][1]) / (2 * padding + 1) * size,
            };
        }
        return points;
    }

    /** The five matching landmarks of a face, in frame pixels. */
    public static double[][] framePoints(FaceLandmarks landmarks) {
        double[][] points = new double[LANDMARK_INDICES.length][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {landmarks.x(LANDMARK_INDICES[i]), landmarks.y(LANDMARK_INDICES[i])};
        }
        return points;
    }
}
