package org.classroom.face.landmarks;

import org.classroom.face.dnn.ConvWeights;
import org.classroom.face.dnn.DnnModel;
import org.classroom.face.dnn.GraphBuilder;
import org.classroom.face.dnn.Node;
import org.classroom.face.dnn.Padding;
import org.classroom.face.weights.TfjsWeights;

/**
 * face-api's 68-point landmark net as an ONNX graph: four dense blocks (each halves the size; inside,
 * every separable convolution sees the sum of all the block's earlier outputs), a 7×7 average pool and
 * a dense layer to 136 numbers. The first block opens with a plain 3×3 convolution, the others with a
 * depthwise-separable one; all use TF "SAME" padding.
 */
final class LandmarkNetwork {

    static final String MODEL = "face_landmark_68_model";
    static final int INPUT_SIZE = 112;
    static final int OUTPUTS = 136;

    private LandmarkNetwork() {
    }

    static DnnModel build(TfjsWeights weights) {
        GraphBuilder graph = new GraphBuilder(3, INPUT_SIZE, INPUT_SIZE);
        Node out = denseBlock(graph, weights, "dense0", graph.input(), true);
        out = denseBlock(graph, weights, "dense1", out, false);
        out = denseBlock(graph, weights, "dense2", out, false);
        out = denseBlock(graph, weights, "dense3", out, false);
        out = graph.averagePool("pool", out, 7, 2, Padding.VALID);
        Node landmarks = graph.dense("fc", out, weights.get("fc/weights"), weights.get("fc/bias"));
        graph.output(landmarks);
        return graph.build();
    }

    private static Node denseBlock(GraphBuilder graph, TfjsWeights weights, String block, Node in, boolean first) {
        Node out1 = first
                ? graph.conv(block + "/conv0", in, ConvWeights.fromHwio(weights.get(block + "/conv0/filters"))
                        .withBias(weights.get(block + "/conv0/bias")), 2, Padding.SAME)
                : separable(graph, weights, block + "/conv0", in, 2);
        out1 = graph.relu(block + "/conv0/relu", out1);

        Node out2 = separable(graph, weights, block + "/conv1", out1, 1);
        Node in3 = graph.relu(block + "/in3", graph.add(block + "/sum12", out1, out2));

        Node out3 = separable(graph, weights, block + "/conv2", in3, 1);
        Node sum123 = graph.add(block + "/sum123", graph.add(block + "/sum23", out2, out3), out1);
        Node in4 = graph.relu(block + "/in4", sum123);

        Node out4 = separable(graph, weights, block + "/conv3", in4, 1);
        Node sum1234 = graph.add(block + "/sum1234", sum123, out4);
        return graph.relu(block + "/out", sum1234);
    }

    /** TF's separable convolution: depthwise 3×3 (no bias), then pointwise 1×1 with the bias. */
    private static Node separable(GraphBuilder graph, TfjsWeights weights, String name, Node in, int stride) {
        Node depthwise = graph.conv(name + "/depthwise", in,
                ConvWeights.fromDepthwise(weights.get(name + "/depthwise_filter")), stride, Padding.SAME);
        return graph.conv(name + "/pointwise", depthwise,
                ConvWeights.fromHwio(weights.get(name + "/pointwise_filter")).withBias(weights.get(name + "/bias")),
                1, Padding.VALID);
    }
}
