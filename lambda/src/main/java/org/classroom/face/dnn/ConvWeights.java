package org.classroom.face.dnn;

import java.util.Arrays;
import org.classroom.face.weights.WeightTensor;

/**
 * The filters and bias of one convolution in ONNX's layout ({@code [out, in/group, kh, kw]}),
 * converted from TF.js layouts, with batch-norm or a per-channel scale folded in. Immutable: every
 * fold returns a new instance.
 */
public final class ConvWeights {

    /** TensorFlow's default batch-norm epsilon, as face-api uses it. */
    public static final double TF_BATCH_NORM_EPSILON = 0.0010000000474974513;

    private final float[] oihw;
    private final float[] bias;
    private final int outChannels;
    private final int inPerGroup;
    private final int kernelH;
    private final int kernelW;
    private final boolean depthwise;

    private ConvWeights(float[] oihw, float[] bias, int outChannels, int inPerGroup, int kernelH, int kernelW,
            boolean depthwise) {
        this.oihw = oihw;
        this.bias = bias;
        this.outChannels = outChannels;
        this.inPerGroup = inPerGroup;
        this.kernelH = kernelH;
        this.kernelW = kernelW;
        this.depthwise = depthwise;
    }

    /** A regular convolution's filters in TF layout {@code [kh, kw, in, out]} (HWIO), no bias yet. */
    public static ConvWeights fromHwio(WeightTensor filters) {
        requireRank(filters, 4);
        int kh = filters.dimension(0);
        int kw = filters.dimension(1);
        int in = filters.dimension(2);
        int out = filters.dimension(3);
        float[] src = filters.values();
        float[] dst = new float[src.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        dst[((o * in + i) * kh + y) * kw + x] = src[((y * kw + x) * in + i) * out + o];
                    }
                }
            }
        }
        return new ConvWeights(dst, new float[out], out, in, kh, kw, false);
    }

    /**
     * A depthwise convolution's filters in TF layout {@code [kh, kw, channels, 1]}: it runs as a grouped
     * convolution with one group per channel.
     */
    public static ConvWeights fromDepthwise(WeightTensor filters) {
        requireRank(filters, 4);
        if (filters.dimension(3) != 1) {
            throw new IllegalArgumentException(filters + ": only a channel multiplier of 1 is supported");
        }
        int kh = filters.dimension(0);
        int kw = filters.dimension(1);
        int channels = filters.dimension(2);
        float[] src = filters.values();
        float[] dst = new float[src.length];
        for (int y = 0; y < kh; y++) {
            for (int x = 0; x < kw; x++) {
                for (int c = 0; c < channels; c++) {
                    dst[(c * kh + y) * kw + x] = src[(y * kw + x) * channels + c];
                }
            }
        }
        return new ConvWeights(dst, new float[channels], channels, 1, kh, kw, true);
    }

    /** Filters already in ONNX's layout {@code [out, inPerGroup, kh, kw]} (tests, hand-made nets). */
    public static ConvWeights ofOihw(float[] oihw, int outChannels, int inPerGroup, int kernelH, int kernelW,
            boolean depthwise) {
        if (oihw.length != outChannels * inPerGroup * kernelH * kernelW) {
            throw new IllegalArgumentException("filter data has " + oihw.length + " values, shape needs "
                    + outChannels * inPerGroup * kernelH * kernelW);
        }
        return new ConvWeights(oihw.clone(), new float[outChannels], outChannels, inPerGroup, kernelH, kernelW,
                depthwise);
    }

    /** The same filters with this bias added to the output (replaces any earlier bias). */
    public ConvWeights withBias(float[] newBias) {
        requireLength("bias", newBias);
        return new ConvWeights(oihw, newBias.clone(), outChannels, inPerGroup, kernelH, kernelW, depthwise);
    }

    public ConvWeights withBias(WeightTensor newBias) {
        return withBias(newBias.values());
    }

    /**
     * Folds a following batch-norm {@code gamma * (x - mean) / sqrt(variance + epsilon) + beta} into the
     * filters and bias.
     */
    public ConvWeights foldBatchNorm(float[] gamma, float[] beta, float[] mean, float[] variance, double epsilon) {
        requireLength("gamma", gamma);
        requireLength("beta", beta);
        requireLength("mean", mean);
        requireLength("variance", variance);
        float[] mul = new float[outChannels];
        float[] add = new float[outChannels];
        for (int o = 0; o < outChannels; o++) {
            double factor = gamma[o] / Math.sqrt(variance[o] + epsilon);
            mul[o] = (float) factor;
            add[o] = (float) (beta[o] - mean[o] * factor);
        }
        return scaled(mul, add);
    }

    /**
     * Folds a following per-channel affine {@code x * mul + add} (a "scale layer") into the filters and
     * bias.
     */
    public ConvWeights scaled(float[] mul, float[] add) {
        requireLength("scale", mul);
        requireLength("shift", add);
        int perOutput = inPerGroup * kernelH * kernelW;
        float[] w = new float[oihw.length];
        float[] b = new float[outChannels];
        for (int o = 0; o < outChannels; o++) {
            for (int j = 0; j < perOutput; j++) {
                w[o * perOutput + j] = oihw[o * perOutput + j] * mul[o];
            }
            b[o] = bias[o] * mul[o] + add[o];
        }
        return new ConvWeights(w, b, outChannels, inPerGroup, kernelH, kernelW, depthwise);
    }

    /**
     * The filters rounded to 8 bits with one step per output channel (symmetric, -127..127), and the bias to 32 bits
     * in steps of the input's step times the filters' (the integer convolution's own scale).
     */
    EightBit eightBit(float inputStep) {
        int perOutput = oihw.length / outChannels;
        byte[] filters = new byte[oihw.length];
        float[] steps = new float[outChannels];
        int[] roundedBias = new int[outChannels];
        float[] biasSteps = new float[outChannels];
        for (int o = 0; o < outChannels; o++) {
            float max = 0;
            for (int j = 0; j < perOutput; j++) {
                max = Math.max(max, Math.abs(oihw[o * perOutput + j]));
            }
            steps[o] = max > 0 ? max / 127f : 1f;
            for (int j = 0; j < perOutput; j++) {
                filters[o * perOutput + j] = (byte) Math.max(-127, Math.min(127,
                        Math.round(oihw[o * perOutput + j] / steps[o])));
            }
            biasSteps[o] = inputStep * steps[o];
            roundedBias[o] = (int) Math.round(bias[o] / (double) biasSteps[o]);
        }
        return new EightBit(filters, steps, roundedBias, biasSteps);
    }

    /** Filters and bias as {@link #eightBit} rounds them: value = step of its output channel × integer. */
    record EightBit(byte[] filters, float[] steps, int[] bias, float[] biasSteps) {
    }

    public int outChannels() {
        return outChannels;
    }

    public int inPerGroup() {
        return inPerGroup;
    }

    public int kernelH() {
        return kernelH;
    }

    public int kernelW() {
        return kernelW;
    }

    public boolean depthwise() {
        return depthwise;
    }

    /** A copy of the filters, {@code [out, inPerGroup, kh, kw]} row-major. */
    public float[] oihw() {
        return oihw.clone();
    }

    public float[] bias() {
        return bias.clone();
    }

    float[] oihwView() {
        return oihw;
    }

    float[] biasView() {
        return bias;
    }

    private void requireLength(String what, float[] values) {
        if (values.length != outChannels) {
            throw new IllegalArgumentException(what + " has " + values.length + " values for " + outChannels
                    + " output channels");
        }
    }

    private static void requireRank(WeightTensor tensor, int rank) {
        if (tensor.shape().length != rank) {
            throw new IllegalArgumentException(tensor + " is not a rank-" + rank + " filter");
        }
    }

    @Override
    public String toString() {
        return (depthwise ? "depthwise" : "conv") + Arrays.toString(new int[] {outChannels, inPerGroup, kernelH,
            kernelW});
    }
}
