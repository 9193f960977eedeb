package org.classroom.face.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.classroom.face.FaceLandmarks;
import org.junit.jupiter.api.Test;

class FaceQualityTest {

    @Test
    void aFaceLookingAtTheCameraIsFrontal() {
        assertThat(FaceQuality.frontality(face(50))).isGreaterThan(0.9);
    }

    @Test
    void aFaceTurnedToTheSideIsNot() {
        assertThat(FaceQuality.frontality(face(80))).isLessThan(0.35);
        assertThat(FaceQuality.frontality(face(20))).isLessThan(0.35);
        assertThat(FaceQuality.frontality(face(65))).isBetween(0.4, 0.8);
    }

    /** Jaw points 2 and 14 at x 0 and 100, outer eye corners at 20 and 80, the nose tip at noseX. */
    private static FaceLandmarks face(double noseX) {
        double[] points = new double[136];
        set(points, 2, 0, 60);
        set(points, 14, 100, 60);
        set(points, 36, 20, 40);
        set(points, 45, 80, 40);
        set(points, 30, noseX, 60);
        return new FaceLandmarks(points);
    }

    private static void set(double[] points, int index, double x, double y) {
        points[2 * index] = x;
        points[2 * index + 1] = y;
    }
}
