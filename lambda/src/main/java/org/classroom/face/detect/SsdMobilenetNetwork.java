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
 */
final class SsdMobilenetNetwork {

    /** The size the network was trained at; its stored anchors are for these grids. */
    static final int TRAINED_SIZE = 512;
    static final int HEADS = 6;

    private static final int[] STRIDE_2_LAYERS = {2, 4, 6, 12};

    private final TfjsWeights weights;
    private final GraphBuilder graph;

    private SsdMobilenetNetwork(TfjsWeights weights, int width, int height) {
        this.weights = weights;
        this.graph = new GraphBuilder(3, height, width);
    }

    /** The network for inputs of this size (each side a multiple of 32). */
    static DnnModel build(TfjsWeights weights, int width, int height) {
        return new SsdMobilenetNetwork(weights, width, height).build();
    }

    private DnnModel build() {
        Node out = pointwise("MobilenetV1/Conv2d_0", graph.input(), 2);
        Node conv11 = null;
        for (int layer = 1; layer <= 13; layer++) {
            out = depthwise("MobilenetV1/Conv2d_" + layer, out, strideOf(layer));
            out = pointwise("MobilenetV1/Conv2d_" + layer, out, 1);
            if (layer == 11) {
                conv11 = out;
            }
        }
        Node[] features = new Node[HEADS];
        features[0] = conv11;
        features[1] = out;
        Node extra = out;
        for (int layer = 0; layer < 8; layer++) {
            extra = pointwise("Prediction/Conv2d_" + layer, extra, layer % 2 == 1 ? 2 : 1);
            if (layer % 2 == 1) {
                features[2 + layer / 2] = extra;
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

    /** Convolution whose batch-norm is already folded into its filters (only an offset remains), ReLU6. */
    private Node pointwise(String prefix, Node in, int stride) {
        String name = prefix + "_pointwise";
        ConvWeights w = ConvWeights.fromHwio(weights.get(name + "/weights"))
                .withBias(weights.get(name + "/convolution_bn_offset"));
        return graph.relu6(name + "/relu6", graph.conv(name, in, w, stride, Padding.SAME));
    }

    private Node depthwise(String prefix, Node in, int stride) {
        String name = prefix + "_depthwise";
        String bn = name + "/BatchNorm/";
        ConvWeights w = ConvWeights.fromDepthwise(weights.get(name + "/depthwise_weights")).foldBatchNorm(
                weights.get(bn + "gamma").values(), weights.get(bn + "beta").values(),
                weights.get(bn + "moving_mean").values(), weights.get(bn + "moving_variance").values(),
                ConvWeights.TF_BATCH_NORM_EPSILON);
        return graph.relu6(name + "/relu6", graph.conv(name, in, w, stride, Padding.SAME));
    }

    private Node predictor(String name, Node in) {
        ConvWeights w = ConvWeights.fromHwio(weights.get(name + "/weights")).withBias(weights.get(name + "/biases"));
        return graph.conv(name, in, w, 1, Padding.SAME);
    }
}
