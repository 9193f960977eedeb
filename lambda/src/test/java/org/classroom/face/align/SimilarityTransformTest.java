package org.classroom.face.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SimilarityTransformTest {

    private static final double[][] SQUARE_AND_CENTRE = {{0, 0}, {10, 0}, {10, 10}, {0, 10}, {5, 7}};

    @Test
    void recoversAnExactTransform() {
        SimilarityTransform truth = rotationScaleShift(Math.toRadians(20), 2.5, 30, -12);
        double[][] moved = applyAll(truth, SQUARE_AND_CENTRE);

        SimilarityTransform fitted = SimilarityTransform.fit(SQUARE_AND_CENTRE, moved);

        assertThat(fitted.scale()).isCloseTo(2.5, within(1e-12));
        assertThat(Math.toDegrees(fitted.angle())).isCloseTo(20, within(1e-9));
        assertThat(fitted.tx()).isCloseTo(30, within(1e-9));
        assertThat(fitted.ty()).isCloseTo(-12, within(1e-9));
    }

    @Test
    void inverseUndoesTheTransform() {
        SimilarityTransform transform = rotationScaleShift(Math.toRadians(-35), 0.4, 7, 99);
        double[] there = transform.apply(3, -8);
        double[] back = transform.inverse().apply(there[0], there[1]);
        assertThat(back[0]).isCloseTo(3, within(1e-9));
        assertThat(back[1]).isCloseTo(-8, within(1e-9));
    }

    @Test
    void noisyFitIsTheLeastSquaresOne() {
        SimilarityTransform truth = rotationScaleShift(Math.toRadians(8), 1.7, -4, 6);
        double[][] noisy = applyAll(truth, SQUARE_AND_CENTRE);
        Random random = new Random(3);
        for (double[] point : noisy) {
            point[0] += random.nextGaussian() * 0.5;
            point[1] += random.nextGaussian() * 0.5;
        }
        SimilarityTransform fitted = SimilarityTransform.fit(SQUARE_AND_CENTRE, noisy);
        double best = residual(fitted, noisy);

        // any nudge of any parameter makes the fit worse
        double h = 1e-4;
        for (int parameter = 0; parameter < 4; parameter++) {
            for (double sign : new double[] {-1, 1}) {
                double[] p = {fitted.a(), fitted.b(), fitted.tx(), fitted.ty()};
                p[parameter] += sign * h;
                assertThat(residual(new SimilarityTransform(p[0], p[1], p[2], p[3]), noisy)).isGreaterThan(best);
            }
        }
        assertThat(fitted.scale()).isCloseTo(1.7, within(0.1));
    }

    @Test
    void refusesDegeneratePoints() {
        assertThatThrownBy(() -> SimilarityTransform.fit(new double[][] {{1, 1}, {1, 1}}, new double[][] {{0, 0}, {2, 2}}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimilarityTransform.fit(new double[][] {{1, 1}}, new double[][] {{0, 0}}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static SimilarityTransform rotationScaleShift(double radians, double scale, double tx, double ty) {
        return new SimilarityTransform(scale * Math.cos(radians), scale * Math.sin(radians), tx, ty);
    }

    static double[][] applyAll(SimilarityTransform transform, double[][] points) {
        double[][] out = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            out[i] = transform.apply(points[i][0], points[i][1]);
        }
        return out;
    }

    private static double residual(SimilarityTransform transform, double[][] targets) {
        double sum = 0;
        for (int i = 0; i < targets.length; i++) {
            double[] p = transform.apply(SQUARE_AND_CENTRE[i][0], SQUARE_AND_CENTRE[i][1]);
            sum += Math.pow(p[0] - targets[i][0], 2) + Math.pow(p[1] - targets[i][1], 2);
        }
        return sum;
    }
}
