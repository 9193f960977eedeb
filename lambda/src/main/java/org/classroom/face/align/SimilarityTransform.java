package org.classroom.face.align;

/**
 * A 2-D similarity transform (rotation, uniform scale, translation, no reflection):
 * {@code x' = a·x − b·y + tx}, {@code y' = b·x + a·y + ty}.
 */
public record SimilarityTransform(double a, double b, double tx, double ty) {

    /**
     * The least-squares similarity taking {@code from[i]} onto {@code to[i]} (the closed form of
     * Umeyama's method in two dimensions; a reflection is never chosen, as with dlib's
     * {@code find_similarity_transform} on real faces).
     *
     * @param from points as {x, y} pairs, at least two distinct
     * @param to   as many points, in the same order
     */
    public static SimilarityTransform fit(double[][] from, double[][] to) {
        if (from.length != to.length || from.length < 2) {
            throw new IllegalArgumentException("a similarity needs two or more point pairs, got "
                    + from.length + " and " + to.length);
        }
        int n = from.length;
        double fromX = 0, fromY = 0, toX = 0, toY = 0;
        for (int i = 0; i < n; i++) {
            fromX += from[i][0];
            fromY += from[i][1];
            toX += to[i][0];
            toY += to[i][1];
        }
        fromX /= n;
        fromY /= n;
        toX /= n;
        toY /= n;
        double spread = 0, dot = 0, cross = 0;
        for (int i = 0; i < n; i++) {
            double fx = from[i][0] - fromX, fy = from[i][1] - fromY;
            double gx = to[i][0] - toX, gy = to[i][1] - toY;
            spread += fx * fx + fy * fy;
            dot += fx * gx + fy * gy;
            cross += fx * gy - fy * gx;
        }
        if (spread == 0) {
            throw new IllegalArgumentException("the source points all coincide");
        }
        double a = dot / spread;
        double b = cross / spread;
        return new SimilarityTransform(a, b, toX - (a * fromX - b * fromY), toY - (b * fromX + a * fromY));
    }

    public double[] apply(double x, double y) {
        return new double[] {a * x - b * y + tx, b * x + a * y + ty};
    }

    /** How much longer a segment becomes. */
    public double scale() {
        return Math.hypot(a, b);
    }

    /** The rotation, in radians (counter-clockwise in a y-up frame, clockwise on screen). */
    public double angle() {
        return Math.atan2(b, a);
    }

    /** The transform that undoes this one. */
    public SimilarityTransform inverse() {
        double norm = a * a + b * b;
        double ia = a / norm, ib = -b / norm;
        return new SimilarityTransform(ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty));
    }
}
