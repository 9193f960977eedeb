package org.classroom.face.detect;

import org.classroom.face.dnn.ConvWeights;
import org.classroom.face.dnn.DnnModel;
import org.classroom.face.dnn.GraphBuilder;
import org.classroom.face.dnn.Node;
import org.classroom.face.dnn.Padding;
import org.classroom.face.weights.TfjsWeights;

/**
 * face-api's SSD MobileNet v1 as an ONNX graph: the MobileNet v1 body (depthwise separable
 * convolutions, batch-norm folded, ReLU6), four extra feature layers, and a box and a class predictor on
 * each of six feature maps (32x32, 16x16, 8x8, 4x4, 2x2, 1x1 for the 512 input it was trained at). Outputs, in order: the
 * box encodings and class logits of predictor 0, then of 1, ... 5, each NCHW.
 *
 * <p>In {@link DetectorPrecision#INT8} every MobileNet and extra-layer convolution reads 8-bit activations with
 * 8-bit filters (ONNX's quantize/dequantize pairs, which ONNX Runtime turns into integer convolutions): the input
 * image at its own 256 levels, each ReLU6 output as 0..6 in 255 steps. The box and class predictors stay in floats.
 */
final class SsdMobilenetNetwork {

    /** The size the network was trained at; its stored anchors are for these grids. */
    static final int TRAINED_SIZE = 512;
    static final int HEADS = 6;

    private static final int[] STRIDE_2_LAYERS = {2, 4, 6, 12};

    /**
     * In 8 bits, the input's step: the blob is {@code (pixel - 128) / 127.5}, so each of a pixel's 256 levels is
     * one step from zero point 128 and the rounding loses nothing. (face-api centres on 127.5; the half level is
     * a brightness shift of 0.2%, where a step between levels would flip pixels one level up or down.)
     */
    static final float IMAGE_STEP = 1 / 127.5f;
    static final int IMAGE_ZERO = 128;
    /** In 8 bits, a ReLU6 output's step: its 0..6 in 255 steps (on the course clips each layer reaches 6). */
    private static final float RELU6_STEP = 6f / 255f;

    private final TfjsWeights weights;
    private final GraphBuilder graph;
    private final boolean eightBit;

    private SsdMobilenetNetwork(TfjsWeights weights, int width, int height, DetectorPrecision precision) {
        this.weights = weights;
        this.graph = new GraphBuilder(3, height, width);
        this.eightBit = precision == DetectorPrecision.INT8;
    }

    /** The network for inputs of this size (each side a multiple of 32). */
    static DnnModel build(TfjsWeights weights, int width, int height, DetectorPrecision precision) {
        return new SsdMobilenetNetwork(weights, width, height, precision).build();
    }

    private DnnModel build() {
        Activation input = eightBit
                ? new Activation(graph.quantized("input/8bit", graph.input(), IMAGE_STEP, IMAGE_ZERO), IMAGE_STEP)
                : new Activation(graph.input(), 0);
        Activation out = pointwise("MobilenetV1/Conv2d_0", input, 2);
        Activation conv11 = null;
        for (int layer = 1; layer <= 13; layer++) {
            out = depthwise("MobilenetV1/Conv2d_" + layer, out, strideOf(layer));
            out = pointwise("MobilenetV1/Conv2d_" + layer, out, 1);
            if (layer == 11) {
                conv11 = out;
            }
        }
        Node[] features = new Node[HEADS];
        features[0] = conv11.node();
        features[1] = out.node();
        Activation extra = out;
        for (int layer = 0; layer < 8; layer++) {
            extra = pointwise("Prediction/Conv2d_" + layer, extra, layer % 2 == 1 ? 2 : 1);
            if (layer % 2 == 1) {
                features[2 + layer / 2] = extra.node();
            }
        }
        for (int head = 0; head < HEADS; head++) {
            String prefix = "Prediction/BoxPredictor_" + head;
            graph.output(predictor(prefix + "/BoxEncodingPredictor", features[head]),
                    predictor(prefix + "/ClassPredictor", features[head]));
        }
        return graph.build();
    }

    private static int strideOf(int layer) {
        for (int s : STRIDE_2_LAYERS) {
            if (s == layer) {
                return 2;
            }
        }
        return 1;
    }

    /** A layer's output, and its 8-bit step when it is quantized (0: floats). */
    private record Activation(Node node, float step) {
    }

    /** Convolution whose batch-norm is already folded into its filters (only an offset remains), ReLU6. */
    private Activation pointwise(String prefix, Activation in, int stride) {
        String name = prefix + "_pointwise";
        ConvWeights w = ConvWeights.fromHwio(weights.get(name + "/weights"))
                .withBias(weights.get(name + "/convolution_bn_offset"));
        return convRelu6(name, in, w, stride);
    }

    private Activation convRelu6(String name, Activation in, ConvWeights w, int stride) {
        if (!eightBit) {
            return new Activation(graph.relu6(name + "/relu6", graph.conv(name, in.node(), w, stride, Padding.SAME)), 0);
        }
        Node relu6 = graph.relu6(name + "/relu6", graph.conv8(name, in.node(), in.step(), w, stride, Padding.SAME));
        return new Activation(graph.quantized(name + "/8bit", relu6, RELU6_STEP, 0), RELU6_STEP);
    }

    private Activation depthwise(String prefix, Activation in, int stride) {
        String name = prefix + "_depthwise";
        String bn = name + "/BatchNorm/";
        ConvWeights w = ConvWeights.fromDepthwise(weights.get(name + "/depthwise_weights")).foldBatchNorm(
                weights.get(bn + "gamma").values(), weights.get(bn + "beta").values(),
                weights.get(bn + "moving_mean").values(), weights.get(bn + "moving_variance").values(),
                ConvWeights.TF_BATCH_NORM_EPSILON);
        return convRelu6(name, in, w, stride);
    }

    private Node predictor(String name, Node in) {
        ConvWeights w = ConvWeights.fromHwio(weights.get(name + "/weights")).withBias(weights.get(name + "/biases"));
        return graph.conv(name, in, w, 1, Padding.SAME);
    }
}
