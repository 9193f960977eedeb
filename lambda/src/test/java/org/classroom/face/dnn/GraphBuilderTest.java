package org.classroom.face.dnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.assertj.core.data.Offset;
import org.classroom.face.dnn.ReferenceOps.Image;
import org.classroom.face.weights.WeightTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each layer the builder emits, run by each runtime, against a loop-by-loop reference on a small random input. */
class GraphBuilderTest {

    private static final Offset<Float> CLOSE = Offset.offset(1e-4f);

    private final Random random = new Random(546);

    @Test
    void sameOnAStride2EvenSizePadsNothingBeforeAndOneAfterLikeTensorFlow() {
        assertThat(Padding.SAME.resolve(8, 8, 3, 3, 2)).containsExactly(0, 0, 1, 1);
        assertThat(Padding.SAME.resolve(7, 6, 3, 3, 2)).containsExactly(1, 0, 1, 1);
        assertThat(Padding.SAME.resolve(5, 5, 3, 3, 1)).containsExactly(1, 1, 1, 1);
        assertThat(Padding.SAME.resolve(2, 2, 3, 3, 2)).containsExactly(0, 0, 1, 1);
        assertThat(Padding.VALID.resolve(8, 8, 3, 3, 2)).containsExactly(0, 0, 0, 0);
    }

    @ParameterizedTest
    @EnumSource(DnnRuntime.class)
    void convolutionWithTfFiltersMatchesTheReferenceForEveryPadding(DnnRuntime runtime) {
        int[][] cases = {
            // size, kernel, stride, then the TF pads {top, left, bottom, right} worked out by hand
            {8, 3, 2, 0, 0, 1, 1},
            {7, 3, 2, 1, 1, 1, 1},
            {6, 3, 1, 1, 1, 1, 1},
            {6, 1, 1, 0, 0, 0, 0},
            {9, 7, 2, 3, 3, 3, 3},
        };
        for (int[] c : cases) {
            Image in = randomImage(3, c[0], c[0]);
            WeightTensor filters = randomTensor("f", c[1], c[1], 3, 5);
            float[] bias = randomValues(5);
            GraphBuilder g = new GraphBuilder(3, c[0], c[0]);
            Node conv = g.conv("conv", g.input(), ConvWeights.fromHwio(filters).withBias(bias), c[2], Padding.SAME);
            int[] pads = {c[3], c[4], c[5], c[6]};
            Image expected = ReferenceOps.conv(in, filters.values(), c[1], c[1], 5, bias, c[2], pads);
            assertRuns(runtime, g, conv, in, expected.v());
            assertThat(conv.shape()).containsExactly(1, 5, expected.h(), expected.w());
        }
        Image in = randomImage(2, 9, 9);
        WeightTensor filters = randomTensor("f", 3, 3, 2, 4);
        GraphBuilder valid = new GraphBuilder(2, 9, 9);
        assertRuns(runtime, valid, valid.conv("v", valid.input(), ConvWeights.fromHwio(filters), 2, Padding.VALID), in,
                ReferenceOps.conv(in, filters.values(), 3, 3, 4, null, 2, new int[] {0, 0, 0, 0}).v());
        GraphBuilder explicit = new GraphBuilder(2, 9, 9);
        assertRuns(runtime, explicit, explicit.conv("e", explicit.input(), ConvWeights.fromHwio(filters), 1,
                Padding.explicit(2, 0, 1, 3)), in,
                ReferenceOps.conv(in, filters.values(), 3, 3, 4, null, 1, new int[] {2, 0, 1, 3}).v());
    }

    @ParameterizedTest
    @EnumSource(DnnRuntime.class)
    void symmetricPaddingWouldGiveOtherValuesSoTheTestAboveCanFail(DnnRuntime runtime) {
        Image in = randomImage(3, 8, 8);
        WeightTensor filters = randomTensor("f", 3, 3, 3, 2);
        float[] tf = ReferenceOps.conv(in, filters.values(), 3, 3, 2, null, 2, new int[] {0, 0, 1, 1}).v();
        float[] symmetric = ReferenceOps.conv(in, filters.values(), 3, 3, 2, null, 2, new int[] {1, 1, 1, 1}).v();
        GraphBuilder g = new GraphBuilder(3, 8, 8);
        g.output(g.conv("conv", g.input(), ConvWeights.fromHwio(filters), 2, Padding.SAME));
        try (DnnModel model = g.build(runtime)) {
            float[] actual = model.run(in.v())[0];
            assertThat(maxDifference(actual, tf)).isLessThan(1e-4f);
            assertThat(maxDifference(actual, symmetric)).isGreaterThan(1e-2f);
        }
    }

    @ParameterizedTest
    @EnumSource(DnnRuntime.class)
    void depthwiseWithBatchNormFoldedMatchesConvThenBatchNorm(DnnRuntime runtime) {
        Image in = randomImage(6, 8, 8);
        WeightTensor filters = randomTensor("dw", 3, 3, 6, 1);
        float[] gamma = randomValues(6);
        float[] beta = randomValues(6);
        float[] mean = randomValues(6);
        float[] variance = ReferenceOps.map(randomValues(6), v -> Math.abs(v) + 0.1);
        GraphBuilder g = new GraphBuilder(6, 8, 8);
        ConvWeights folded = ConvWeights.fromDepthwise(filters)
                .foldBatchNorm(gamma, beta, mean, variance, ConvWeights.TF_BATCH_NORM_EPSILON);
        Node conv = g.conv("dw", g.input(), folded, 2, Padding.SAME);
        Image expected = ReferenceOps.batchNorm(
                ReferenceOps.depthwise(in, filters.values(), 3, 3, 2, new int[] {0, 0, 1, 1}),
                gamma, beta, mean, variance, ConvWeights.TF_BATCH_NORM_EPSILON);
        assertRuns(runtime, g, conv, in, expected.v());
        assertThat(conv.shape()).containsExactly(1, 6, 4, 4);
    }

    @ParameterizedTest
    @EnumSource(DnnRuntime.class)
    void aScaleLayerFoldsIntoTheConvolutionAndItsBias(DnnRuntime runtime) {
        Image in = randomImage(2, 5, 5);
        WeightTensor filters = randomTensor("f", 3, 3, 2, 3);
        float[] bias = randomValues(3);
        float[] mul = randomValues(3);
        float[] add = randomValues(3);
        GraphBuilder g = new GraphBuilder(2, 5, 5);
        Node conv = g.conv("c", g.input(), ConvWeights.fromHwio(filters).withBias(bias).scaled(mul, add), 1,
                Padding.SAME);
        Image plain = ReferenceOps.conv(in, filters.values(), 3, 3, 3, bias, 1, new int[] {1, 1, 1, 1});
        float[] expected = new float[plain.v().length];
        for (int i = 0; i < expected.length; i++) {
            int channel = i / 25;
            expected[i] = plain.v()[i] * mul[channel] + add[channel];
        }
        assertRuns(runtime, g, conv, in, expected);
    }

    @ParameterizedTest
    @EnumSource(DnnRuntime.class)
    void activationsMatchTheirDefinitions(DnnRuntime runtime) {
        Image in = scaled(randomImage(2, 4, 4), 10f);
        GraphBuilder g = new GraphBuilder(2, 4, 4);
        Node relu = g.relu("relu", g.input());
        Node relu6 = g.relu6("relu6", g.input());
        Node leaky = g.leakyRelu("leaky", g.input(), 0.1f);
        Node sigmoid = g.sigmoid("sigmoid", g.input());
        g.output(relu, relu6, leaky, sigmoid);
        try (DnnModel model = g.build(runtime)) {
            float[][] out = model.run(in.v());
            assertClose(out[0], ReferenceOps.map(in.v(), v -> Math.max(0, v)));
            assertClose(out[1], ReferenceOps.map(in.v(), v -> Math.min(6, Math.max(0, v))));
            assertClose(out[2], ReferenceOps.map(in.v(), v -> v > 0 ? v : 0.1 * v));
            assertClose(out[3], ReferenceOps.map(in.v(), v -> 1 / (1 + Math.exp(-v))));
        }
    }

    @ParameterizedTest
    @EnumSource(DnnRuntime.class)
    void poolingIgnoresPaddedCellsLikeTensorFlow(DnnRuntime runtime) {
        // all-negative input: a max that let a padded zero win would show up at once
        Image in = scaled(randomImage(3, 7, 7), 1f);
        Image negative = new Image(ReferenceOps.map(in.v(), v -> -Math.abs(v) - 1), 3, 7, 7);
        GraphBuilder g = new GraphBuilder(3, 7, 7);
        Node maxSame = g.maxPool("max2", g.input(), 2, 2, Padding.SAME);
        Node maxOne = g.maxPool("max1", g.input(), 2, 1, Padding.SAME);
        Node max3 = g.maxPool("max3", g.input(), 3, 2, Padding.VALID);
        Node avgSame = g.averagePool("avg", g.input(), 3, 2, Padding.SAME);
        Node avgValid = g.averagePool("avgv", g.input(), 2, 2, Padding.VALID);
        Node global = g.globalAveragePool("gap", g.input());
        g.output(maxSame, maxOne, max3, avgSame, avgValid, global);
        try (DnnModel model = g.build(runtime)) {
            float[][] out = model.run(negative.v());
            assertClose(out[0], ReferenceOps.pool(negative, true, 2, 2, new int[] {0, 0, 1, 1}).v());
            assertClose(out[1], ReferenceOps.pool(negative, true, 2, 1, new int[] {0, 0, 1, 1}).v());
            assertClose(out[2], ReferenceOps.pool(negative, true, 3, 2, new int[] {0, 0, 0, 0}).v());
            assertClose(out[3], ReferenceOps.pool(negative, false, 3, 2, new int[] {1, 1, 1, 1}).v());
            assertClose(out[4], ReferenceOps.pool(negative, false, 2, 2, new int[] {0, 0, 0, 0}).v());
            assertClose(out[5], ReferenceOps.pool(negative, false, 7, 1, new int[] {0, 0, 0, 0}).v());
            assertThat(maxSame.shape()).containsExactly(1, 3, 4, 4);
            assertThat(maxOne.shape()).containsExactly(1, 3, 7, 7);
            assertThat(global.shape()).containsExactly(1, 3, 1, 1);
        }
    }

    @ParameterizedTest
    @EnumSource(DnnRuntime.class)
    void residualAddZeroPadAndConcatKeepEveryValueInPlace(DnnRuntime runtime) {
        Image in = randomImage(2, 3, 3);
        GraphBuilder g = new GraphBuilder(2, 3, 3);
        Node doubled = g.add("sum", g.input(), g.input());
        Node padded = g.zeroPad("pad", g.input(), 1, 0, 1, 0, 1);
        Node joined = g.concat("cat", g.input(), doubled);
        g.output(doubled, padded, joined);
        try (DnnModel model = g.build(runtime)) {
            float[][] out = model.run(in.v());
            assertClose(out[0], ReferenceOps.map(in.v(), v -> 2 * v));
            assertThat(padded.shape()).containsExactly(1, 3, 4, 4);
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) {
                        float expected = c < 2 && y < 3 && x < 3 ? in.at(c, y, x) : 0f;
                        assertThat(out[1][(c * 4 + y) * 4 + x]).isCloseTo(expected, CLOSE);
                    }
                }
            }
            float[] expectedJoin = new float[36];
            System.arraycopy(in.v(), 0, expectedJoin, 0, 18);
            System.arraycopy(out[0], 0, expectedJoin, 18, 18);
            assertClose(out[2], expectedJoin);
        }
    }

    @ParameterizedTest
    @EnumSource(DnnRuntime.class)
    void denseAfterGlobalPoolingMatchesAMatrixProductWithTfWeights(DnnRuntime runtime) {
        Image in = randomImage(6, 4, 4);
        WeightTensor weights = randomTensor("fc", 6, 5);
        WeightTensor bias = randomTensor("fc/b", 5);
        GraphBuilder g = new GraphBuilder(6, 4, 4);
        Node pooled = g.globalAveragePool("gap", g.input());
        Node withBias = g.dense("fc", pooled, weights, bias);
        Node noBias = g.dense("fc2", pooled, weights, null);
        g.output(withBias, noBias);
        float[] means = ReferenceOps.pool(in, false, 4, 1, new int[] {0, 0, 0, 0}).v();
        try (DnnModel model = g.build(runtime)) {
            float[][] out = model.run(in.v());
            assertClose(out[0], ReferenceOps.dense(means, weights.values(), 5, bias.values()));
            assertClose(out[1], ReferenceOps.dense(means, weights.values(), 5, null));
            assertThat(withBias.shape()).containsExactly(1, 5);
        }
    }

    @ParameterizedTest
    @EnumSource(DnnRuntime.class)
    void mistakesAreCaughtWhileBuildingAndNameTheLayer(DnnRuntime runtime) {
        GraphBuilder g = new GraphBuilder(3, 8, 8);
        WeightTensor fourChannelFilters = randomTensor("f", 3, 3, 4, 2);
        assertThatThrownBy(() -> g.conv("conv1", g.input(), ConvWeights.fromHwio(fourChannelFilters), 1,
                Padding.SAME)).hasMessageContaining("conv1").hasMessageContaining("4 channels");
        Node ok = g.conv("conv2", g.input(), ConvWeights.fromHwio(randomTensor("g", 3, 3, 3, 2)), 1, Padding.SAME);
        assertThatThrownBy(() -> g.relu("conv2", ok)).hasMessageContaining("used twice");
        assertThatThrownBy(() -> g.add("sum", ok, g.input())).hasMessageContaining("cannot add");
        assertThatThrownBy(() -> g.dense("fc", ok, new float[128 * 2], 2, null)).hasMessageContaining("flatten");
        assertThatThrownBy(g::build).hasMessageContaining("output");
    }

    private void assertRuns(DnnRuntime runtime, GraphBuilder g, Node output, Image in, float[] expected) {
        g.output(output);
        try (DnnModel model = g.build(runtime)) {
            assertClose(model.run(in.v())[0], expected);
        }
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSize(expected.length);
        assertThat(maxDifference(actual, expected)).isLessThan(1e-4f);
    }

    private static float maxDifference(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private Image randomImage(int c, int h, int w) {
        return new Image(randomValues(c * h * w), c, h, w);
    }

    private static Image scaled(Image image, float factor) {
        return new Image(ReferenceOps.map(image.v(), v -> v * factor), image.c(), image.h(), image.w());
    }

    private WeightTensor randomTensor(String name, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return new WeightTensor(name, shape, randomValues(n));
    }

    private float[] randomValues(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
