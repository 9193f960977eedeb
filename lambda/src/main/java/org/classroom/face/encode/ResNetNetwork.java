package org.classroom.face.encode;

import org.classroom.face.dnn.ConvWeights;
import org.classroom.face.dnn.DnnModel;
import org.classroom.face.dnn.GraphBuilder;
import org.classroom.face.dnn.Node;
import org.classroom.face.dnn.Padding;
import org.classroom.face.weights.TfjsWeights;

/**
 * face-api's port of dlib's face descriptor ResNet as an ONNX graph. A 7×7/2 convolution and a 3×3/2
 * max pool, then residual blocks at 32, 64, 128 and 256 channels; every convolution is followed by a
 * per-channel "scale" (multiply, add), folded here into its weights. A down-sampling block runs its
 * first convolution 3×3/2 without padding and takes a 2×2 average pool as its shortcut, widened with
 * zero channels; where the two paths differ by a row and column (odd sizes), the convolution path is
 * padded with zeros at the bottom and right, as face-api does. A global mean and a 256→128 matrix
 * (no bias) give the descriptor.
 */
final class ResNetNetwork {

    static final String MODEL = "face_recognition_model";
    static final int INPUT_SIZE = 150;
    static final int OUTPUTS = 128;

    private ResNetNetwork() {
    }

    static DnnModel build(TfjsWeights weights) {
        GraphBuilder graph = new GraphBuilder(3, INPUT_SIZE, INPUT_SIZE);
        Node out = graph.relu("conv32_down/relu",
                convScale(graph, weights, "conv32_down", graph.input(), 2, Padding.VALID));
        out = graph.maxPool("pool", out, 3, 2, Padding.VALID);

        out = residual(graph, weights, "conv32_1", out);
        out = residual(graph, weights, "conv32_2", out);
        out = residual(graph, weights, "conv32_3", out);

        out = residualDown(graph, weights, "conv64_down", out);
        out = residual(graph, weights, "conv64_1", out);
        out = residual(graph, weights, "conv64_2", out);
        out = residual(graph, weights, "conv64_3", out);

        out = residualDown(graph, weights, "conv128_down", out);
        out = residual(graph, weights, "conv128_1", out);
        out = residual(graph, weights, "conv128_2", out);

        out = residualDown(graph, weights, "conv256_down", out);
        out = residual(graph, weights, "conv256_1", out);
        out = residual(graph, weights, "conv256_2", out);
        out = residualDown(graph, weights, "conv256_down_out", out);

        Node mean = graph.globalAveragePool("mean", out);
        Node descriptor = graph.dense("fc", mean, weights.get("fc"), null);
        graph.output(descriptor);
        return graph.build();
    }

    private static Node residual(GraphBuilder graph, TfjsWeights weights, String block, Node in) {
        Node out = graph.relu(block + "/conv1/relu", convScale(graph, weights, block + "/conv1", in, 1, Padding.SAME));
        out = convScale(graph, weights, block + "/conv2", out, 1, Padding.SAME);
        return graph.relu(block + "/out", graph.add(block + "/sum", out, in));
    }

    private static Node residualDown(GraphBuilder graph, TfjsWeights weights, String block, Node in) {
        Node out = graph.relu(block + "/conv1/relu", convScale(graph, weights, block + "/conv1", in, 2, Padding.VALID));
        out = convScale(graph, weights, block + "/conv2", out, 1, Padding.SAME);

        Node shortcut = graph.averagePool(block + "/shortcut", in, 2, 2, Padding.VALID);
        int extraRows = shortcut.height() - out.height();
        int extraColumns = shortcut.width() - out.width();
        if (extraRows < 0 || extraColumns < 0) {
            throw new IllegalStateException(block + ": convolution path " + out + " larger than shortcut " + shortcut);
        }
        if (extraRows > 0 || extraColumns > 0) {
            out = graph.zeroPad(block + "/grow", out, 0, 0, extraRows, 0, extraColumns);
        }
        int extraChannels = out.channels() - shortcut.channels();
        if (extraChannels > 0) {
            shortcut = graph.zeroPad(block + "/widen", shortcut, extraChannels, 0, 0, 0, 0);
        }
        return graph.relu(block + "/out", graph.add(block + "/sum", shortcut, out));
    }

    /** Convolution with its bias and the following scale layer folded in. */
    private static Node convScale(GraphBuilder graph, TfjsWeights weights, String name, Node in, int stride,
            Padding padding) {
        String prefix = weights.has(name + "/conv/filters") ? name + "/conv" : name;
        ConvWeights conv = ConvWeights.fromHwio(weights.get(prefix + "/filters"))
                .withBias(weights.get(prefix + "/bias"))
                .scaled(weights.get(name + "/scale/weights").values(), weights.get(name + "/scale/biases").values());
        return graph.conv(name, in, conv, stride, padding);
    }
}
