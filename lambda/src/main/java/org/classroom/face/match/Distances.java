package org.classroom.face.match;

/** Euclidean distance between encodings, as dlib's {@code face_distance} computes it. */
public final class Distances {

    private Distances() {
    }

    public static double euclidean(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("encodings of " + a.length + " and " + b.length + " numbers");
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
