package org.classroom.face.detect;

import org.classroom.face.dnn.ConvWeights;
import org.classroom.face.dnn.DnnModel;
import org.classroom.face.dnn.GraphBuilder;
import org.classroom.face.dnn.Node;
import org.classroom.face.dnn.Padding;
import org.classroom.face.weights.TfjsWeights;

/**
 * face-api's Tiny Face Detector (a Tiny YOLO v2 with depthwise separable convolutions) as an ONNX
 * graph: a 3x3 "valid" convolution, then five separable blocks each followed by 2x2 max pooling
 * (stride 2, the last stride 1), then a 1x1 convolution giving 5 anchors x (x, y, w, h, score) per cell.
 * Activations are leaky ReLU (0.1). One output, {@code [1, 25, rows, columns]} of cells.
 */
final class TinyFaceNetwork {

    static final float LEAK = 0.10000000149011612f;

    private final TfjsWeights weights;
    private final GraphBuilder graph;

    private TinyFaceNetwork(TfjsWeights weights, int width, int height) {
        this.weights = weights;
        this.graph = new GraphBuilder(3, height, width);
    }

    /** The network for inputs of this size (each side a multiple of 32; the grid is a 32nd of it). */
    static DnnModel build(TfjsWeights weights, int width, int height) {
        return new TinyFaceNetwork(weights, width, height).build();
    }

    private DnnModel build() {
        ConvWeights first = ConvWeights.fromHwio(weights.get("conv0/filters")).withBias(weights.get("conv0/bias"));
        Node out = graph.leakyRelu("conv0/leaky", graph.conv("conv0", graph.input(), first, 1, Padding.VALID), LEAK);
        for (int block = 1; block <= 5; block++) {
            out = graph.maxPool("pool" + block, out, 2, 2, Padding.SAME);
            out = separable("conv" + block, out);
        }
        out = graph.maxPool("pool6", out, 2, 1, Padding.SAME);
        ConvWeights last = ConvWeights.fromHwio(weights.get("conv8/filters")).withBias(weights.get("conv8/bias"));
        graph.output(graph.conv("conv8", out, last, 1, Padding.VALID));
        return graph.build();
    }

    /** face-api pads by one on every side, then depthwise 3x3 and pointwise 1x1 convolutions, bias, leaky. */
    private Node separable(String name, Node in) {
        ConvWeights depthwise = ConvWeights.fromDepthwise(weights.get(name + "/depthwise_filter"));
        ConvWeights pointwise = ConvWeights.fromHwio(weights.get(name + "/pointwise_filter"))
                .withBias(weights.get(name + "/bias"));
        Node spatial = graph.conv(name + "/depthwise", in, depthwise, 1, Padding.explicit(1, 1, 1, 1));
        return graph.leakyRelu(name + "/leaky", graph.conv(name + "/pointwise", spatial, pointwise, 1,
                Padding.VALID), LEAK);
    }
}
