package org.classroom.face.dnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.classroom.face.dnn.ReferenceOps.Image;
import org.classroom.face.weights.WeightTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 8-bit layers in ONNX Runtime (the only runtime the detector uses them in) against the arithmetic they stand
 * for, worked out here in plain Java: values rounded to their steps, filters to 8 bits per output channel, bias to
 * 32 bits, the convolution on those, ReLU6, the output rounded again.
 */
class EightBitLayersTest {

    private static final float IMAGE_STEP = 1 / 127.5f;
    private static final int IMAGE_ZERO = 128;
    private static final float RELU6_STEP = 6f / 255f;

    private final Random random = new Random(546);

    @Test
    void quantizedRoundsToTheNearestStepAndSaturatesAtTheEnds() {
        GraphBuilder g = new GraphBuilder(1, 1, 6);
        g.output(g.quantized("q", g.input(), 0.5f, 10));
        try (DnnModel model = g.build(DnnRuntime.ONNX_RUNTIME)) {
            float[] out = model.run(new float[] {0.2f, 0.3f, -5f, -6f, 122.4f, 200f})[0];
            // steps of 0.5 from -5 (level 0) to 122.5 (level 255)
            assertThat(out).containsExactly(0f, 0.5f, -5f, -5f, 122.5f, 122.5f);
        }
    }

    @Test
    void aStepMustBePositiveAndTheZeroPointOneOfTheLevels() {
        GraphBuilder g = new GraphBuilder(1, 1, 1);
        assertThatThrownBy(() -> g.quantized("q", g.input(), 0f, 0)).hasMessageContaining("q");
        assertThatThrownBy(() -> g.quantized("r", g.input(), 1f, 256)).hasMessageContaining("zero point");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void eightBitConvolutionComputesWhatItsRoundedValuesSay(boolean depthwise) {
        int channels = 4;
        int size = 9;
        int out = depthwise ? channels : 6;
        int[] pads = {1, 1, 1, 1};
        Image in = new Image(uniform(channels * size * size), channels, size, size);
        float[] hwio = gaussian(3 * 3 * channels * (depthwise ? 1 : out), 0.3);
        float[] bias = gaussian(out, 0.5);

        GraphBuilder g = new GraphBuilder(channels, size, size);
        Node input = g.quantized("in", g.input(), IMAGE_STEP, IMAGE_ZERO);
        ConvWeights weights = (depthwise
                ? ConvWeights.fromDepthwise(new WeightTensor("dw", new int[] {3, 3, channels, 1}, hwio))
                : ConvWeights.fromHwio(new WeightTensor("f", new int[] {3, 3, channels, out}, hwio))).withBias(bias);
        Node conv = g.conv8("conv", input, IMAGE_STEP, weights, 2, Padding.SAME);
        g.output(g.quantized("out", g.relu6("relu6", conv), RELU6_STEP, 0));

        Image rounded = new Image(ReferenceOps.map(in.v(), v -> level(v, IMAGE_STEP, IMAGE_ZERO) * IMAGE_STEP),
                channels, size, size);
        float[] steps = new float[out];
        float[] filters = roundedFilters(hwio, out, steps);
        float[] roundedBias = new float[out];
        for (int o = 0; o < out; o++) {
            double step = (double) IMAGE_STEP * steps[o];
            roundedBias[o] = (float) (Math.round(bias[o] / step) * step);
        }
        Image sums = depthwise
                ? withBias(ReferenceOps.depthwise(rounded, filters, 3, 3, 2, pads), roundedBias)
                : ReferenceOps.conv(rounded, filters, 3, 3, out, roundedBias, 2, pads);
        float[] expected = ReferenceOps.map(sums.v(),
                v -> level(Math.min(Math.max(v, 0), 6), RELU6_STEP, 0) * RELU6_STEP);

        try (DnnModel model = g.build(DnnRuntime.ONNX_RUNTIME)) {
            float[] actual = model.run(in.v())[0];
            assertThat(actual).hasSize(expected.length);
            int same = 0;
            for (int i = 0; i < actual.length; i++) {
                // The runtime rescales the integer sums in floats of its own: a value on a half step may round the other way.
                assertThat(Math.abs(actual[i] - expected[i])).as("value %d", i).isLessThan(RELU6_STEP * 1.01f);
                same += Math.abs(actual[i] - expected[i]) < 1e-6 ? 1 : 0;
            }
            assertThat(same).isGreaterThan(actual.length * 9 / 10);
            assertThat(Arrays.stream(box(actual)).filter(v -> v > 0).count())
                    .as("some outputs above zero, or the test shows nothing").isGreaterThan(actual.length / 4);
        }
    }

    /** The 8-bit level of a value, taken back to its offset from the zero point. */
    private static int level(double value, float step, int zero) {
        long q = Math.round(value / step) + zero;
        return (int) Math.min(255, Math.max(0, q)) - zero;
    }

    /** HWIO filters rounded to 8 bits with one step per output channel (the last index), symmetric. */
    private static float[] roundedFilters(float[] hwio, int out, float[] steps) {
        for (int i = 0; i < hwio.length; i++) {
            steps[i % out] = Math.max(steps[i % out], Math.abs(hwio[i]) / 127f);
        }
        float[] rounded = new float[hwio.length];
        for (int i = 0; i < hwio.length; i++) {
            rounded[i] = Math.round(hwio[i] / steps[i % out]) * steps[i % out];
        }
        return rounded;
    }

    private static Image withBias(Image image, float[] bias) {
        float[] v = image.v().clone();
        int plane = image.h() * image.w();
        for (int i = 0; i < v.length; i++) {
            v[i] += bias[i / plane];
        }
        return new Image(v, image.c(), image.h(), image.w());
    }

    private static double[] box(float[] values) {
        double[] boxed = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    private float[] uniform(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextFloat() * 2 - 1;
        }
        return v;
    }

    private float[] gaussian(int n, double sigma) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * sigma);
        }
        return v;
    }
}
