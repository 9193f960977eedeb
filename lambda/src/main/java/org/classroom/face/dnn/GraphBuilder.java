package org.classroom.face.dnn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.classroom.face.weights.WeightTensor;

/**
 * Builds a feed-forward network layer by layer from already-loaded weights and turns it into a
 * {@link DnnModel}. Shapes are tracked as layers are added, so padding is resolved to explicit
 * pads (TF "SAME" included) and a weight of the wrong shape fails here, naming the layer.
 *
 * <p>Why ONNX: the graph is written as a small ONNX model in memory, a stable, documented format that both
 * runtimes read ({@link DnnRuntime}: ONNX Runtime, about twice as fast here, or OpenCV's DNN module, same outputs)
 * and Netron shows. Batch of one, float32, NCHW throughout.
 */
public final class GraphBuilder {

    private static final int FLOAT = 1;
    private static final int UINT8 = 2;
    private static final int INT8 = 3;
    private static final int INT32 = 6;
    private static final int INT64 = 7;
    private static final int ATTR_FLOAT = 1;
    private static final int ATTR_INT = 2;
    private static final int ATTR_STRING = 3;
    private static final int ATTR_INTS = 7;
    private static final int OPSET = 13;

    private final Node input;
    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final List<Node> outputs = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    /** A graph whose input is a {@code [1, channels, height, width]} float blob. */
    public GraphBuilder(int channels, int height, int width) {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("input shape must be positive");
        }
        this.input = new Node("input", new int[] {1, channels, height, width});
        names.add(input.name());
    }

    public Node input() {
        return input;
    }

    /**
     * A convolution (regular, grouped or depthwise, as the weights say) with their bias; no activation.
     */
    public Node conv(String name, Node in, ConvWeights weights, int stride, Padding padding) {
        requireFits(name, in, weights);
        String w = floatConstant(name + "/filters", weights.oihwView(), weights.outChannels(),
                weights.inPerGroup(), weights.kernelH(), weights.kernelW());
        String b = floatConstant(name + "/bias", weights.biasView(), weights.outChannels());
        return convNode(name, in, weights, w, b, stride, padding);
    }

    /**
     * A convolution as {@link #conv}, its filters rounded to 8 bits per output channel and its bias to 32 bits,
     * reading a tensor {@link #quantized} with this scale: ONNX Runtime runs it in integers (much faster on CPUs
     * with 8-bit dot products) when its output is quantized too.
     */
    public Node conv8(String name, Node in, float inputScale, ConvWeights weights, int stride, Padding padding) {
        requireFits(name, in, weights);
        int out = weights.outChannels();
        ConvWeights.EightBit rounded = weights.eightBit(inputScale);
        ByteBuffer rawBias = ByteBuffer.allocate(out * 4).order(ByteOrder.LITTLE_ENDIAN);
        rawBias.asIntBuffer().put(rounded.bias());
        String w = dequantized(name + "/filters", constant(name + "/filters/q", INT8, rounded.filters(),
                new int[] {out, weights.inPerGroup(), weights.kernelH(), weights.kernelW()}),
                floatConstant(name + "/filters/scale", rounded.steps(), out),
                constant(name + "/filters/zero", INT8, new byte[out], new int[] {out}));
        String b = dequantized(name + "/bias", constant(name + "/bias/q", INT32, rawBias.array(), new int[] {out}),
                floatConstant(name + "/bias/scale", rounded.biasSteps(), out),
                constant(name + "/bias/zero", INT32, new byte[out * 4], new int[] {out}));
        return convNode(name, in, weights, w, b, stride, padding);
    }

    /**
     * The tensor rounded to 8 bits, {@code scale * (q - zeroPoint)} with q in 0..255, and back to floats: a
     * convolution that reads it through {@link #conv8} runs in integers.
     */
    public Node quantized(String name, Node in, float scale, int zeroPoint) {
        if (!(scale > 0) || zeroPoint < 0 || zeroPoint > 255) {
            throw new IllegalArgumentException(name + ": scale " + scale + ", zero point " + zeroPoint);
        }
        String s = constant(name + "/scale", FLOAT, littleEndianFloat(scale), new int[0]);
        String zero = constant(name + "/zero", UINT8, new byte[] {(byte) zeroPoint}, new int[0]);
        Node q = emit(node("QuantizeLinear", name + "/q", in.name(), s, zero), name + "/q", in.shape());
        return emit(node("DequantizeLinear", name, q.name(), s, zero), name, in.shape());
    }

    private String dequantized(String name, String values, String scales, String zeros) {
        nodes.add(node("DequantizeLinear", name, values, scales, zeros).message(5, intAttr("axis", 0)));
        return name;
    }

    private static byte[] littleEndianFloat(float value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array();
    }

    private Node convNode(String name, Node in, ConvWeights weights, String w, String b, int stride,
                          Padding padding) {
        int group = weights.depthwise() ? in.channels() : 1;
        int[] pads = padding.resolve(in.height(), in.width(), weights.kernelH(), weights.kernelW(), stride);
        int outH = outSize(name, in.height(), weights.kernelH(), stride, pads[0], pads[2]);
        int outW = outSize(name, in.width(), weights.kernelW(), stride, pads[1], pads[3]);
        ProtoWriter node = node("Conv", name, in.name(), w, b)
                .message(5, ints("kernel_shape", weights.kernelH(), weights.kernelW()))
                .message(5, ints("strides", stride, stride))
                .message(5, ints("pads", pads))
                .message(5, ints("dilations", 1, 1))
                .message(5, intAttr("group", group));
        return emit(node, name, 1, weights.outChannels(), outH, outW);
    }

    public Node relu(String name, Node in) {
        return emit(node("Relu", name, in.name()), name, in.shape());
    }

    /** {@code min(max(x, 0), 6)}, MobileNet's activation. */
    public Node relu6(String name, Node in) {
        String min = floatConstant(name + "/min", new float[] {0f});
        String max = floatConstant(name + "/max", new float[] {6f});
        return emit(node("Clip", name, in.name(), min, max), name, in.shape());
    }

    /** {@code x > 0 ? x : alpha * x}. */
    public Node leakyRelu(String name, Node in, float alpha) {
        return emit(node("LeakyRelu", name, in.name()).message(5, floatAttr("alpha", alpha)), name, in.shape());
    }

    public Node sigmoid(String name, Node in) {
        return emit(node("Sigmoid", name, in.name()), name, in.shape());
    }

    /** Element-wise sum of two tensors of the same shape (a residual connection). */
    public Node add(String name, Node a, Node b) {
        if (!java.util.Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(name + ": cannot add " + a + " and " + b);
        }
        return emit(node("Add", name, a.name(), b.name()), name, a.shape());
    }

    /** Max pooling; padded cells never win (as in TF). */
    public Node maxPool(String name, Node in, int kernel, int stride, Padding padding) {
        return pool("MaxPool", name, in, kernel, stride, padding);
    }

    /** Average pooling; padded cells are left out of the mean (as in TF). */
    public Node averagePool(String name, Node in, int kernel, int stride, Padding padding) {
        return pool("AveragePool", name, in, kernel, stride, padding);
    }

    /** Mean over height and width: {@code [1, C, H, W] -> [1, C, 1, 1]} (TF's {@code mean(x, [1, 2])}). */
    public Node globalAveragePool(String name, Node in) {
        requireImage(name, in);
        return emit(node("GlobalAveragePool", name, in.name()), name, 1, in.channels(), 1, 1);
    }

    /**
     * Zero padding: {@code channelsAfter} zero channels appended, and zero rows/columns around the image.
     * (face-api's ResNet widens its shortcut this way.)
     */
    public Node zeroPad(String name, Node in, int channelsAfter, int top, int bottom, int left, int right) {
        requireImage(name, in);
        String pads = longConstant(name + "/pads", 0, 0, top, left, 0, channelsAfter, bottom, right);
        ProtoWriter node = node("Pad", name, in.name(), pads).message(5, stringAttr("mode", "constant"));
        return emit(node, name, 1, in.channels() + channelsAfter, in.height() + top + bottom,
                in.width() + left + right);
    }

    /** Concatenation along channels; heights and widths must agree. */
    public Node concat(String name, Node... parts) {
        int channels = 0;
        for (Node part : parts) {
            requireImage(name, part);
            if (part.height() != parts[0].height() || part.width() != parts[0].width()) {
                throw new IllegalArgumentException(name + ": cannot concatenate " + parts[0] + " and " + part);
            }
            channels += part.channels();
        }
        String[] inputs = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            inputs[i] = parts[i].name();
        }
        return emit(node("Concat", name, inputs).message(5, intAttr("axis", 1)), name, 1, channels,
                parts[0].height(), parts[0].width());
    }

    /**
     * A fully connected layer with TF-layout weights {@code [inputs, outputs]} and an optional bias.
     * An image input is flattened in NCHW order, which equals TF's NHWC order only when it is 1x1
     * (as after {@link #globalAveragePool}); flattening a larger map is refused.
     */
    public Node dense(String name, Node in, WeightTensor weights, WeightTensor bias) {
        if (weights.shape().length != 2) {
            throw new IllegalArgumentException(name + ": dense weights " + weights + " are not [inputs, outputs]");
        }
        return dense(name, in, weights.values(), weights.dimension(1), bias == null ? null : bias.values());
    }

    /** As {@link #dense(String, Node, WeightTensor, WeightTensor)} with raw row-major {@code [in, out]} weights. */
    public Node dense(String name, Node in, float[] weightsInOut, int outputs, float[] bias) {
        Node flat = in;
        if (in.shape().length == 4) {
            if (in.height() != 1 || in.width() != 1) {
                throw new IllegalArgumentException(name + ": flatten " + in
                        + " to a vector first (NCHW and NHWC orders differ)");
            }
            flat = emit(node("Flatten", name + "/flatten", in.name()).message(5, intAttr("axis", 1)),
                    name + "/flatten", 1, in.channels());
        }
        int inputs = flat.channels();
        if (weightsInOut.length != inputs * outputs) {
            throw new IllegalArgumentException(name + ": " + weightsInOut.length + " weights for " + inputs
                    + " inputs x " + outputs + " outputs");
        }
        if (bias != null && bias.length != outputs) {
            throw new IllegalArgumentException(name + ": bias has " + bias.length + " values for " + outputs);
        }
        String w = floatConstant(name + "/weights", weightsInOut, inputs, outputs);
        String b = floatConstant(name + "/bias", bias == null ? new float[outputs] : bias, outputs);
        return emit(node("Gemm", name, flat.name(), w, b), name, 1, outputs);
    }

    /** Marks tensors whose values {@link DnnModel#run} returns, in this order. */
    public GraphBuilder output(Node... tensors) {
        for (Node tensor : tensors) {
            if (!names.contains(tensor.name())) {
                throw new IllegalArgumentException(tensor + " is not part of this graph");
            }
            outputs.add(tensor);
        }
        return this;
    }

    /** The graph as an ONNX model (opset 11); handy to inspect in Netron when a layer misbehaves. */
    public byte[] toOnnx() {
        if (outputs.isEmpty()) {
            throw new IllegalStateException("mark at least one output before building");
        }
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, "classroom");
        initializers.forEach(t -> graph.message(5, t));
        graph.message(11, valueInfo(input));
        outputs.forEach(o -> graph.message(12, valueInfo(o)));
        return new ProtoWriter()
                .int64(1, 7)
                .string(2, "classroom-face-dnn")
                .message(7, graph)
                .message(8, new ProtoWriter().string(1, "").int64(2, OPSET))
                .toByteArray();
    }

    /** Loads the graph into the process's runtime ({@link DnnRuntime#chosen()}); the caller closes the model. */
    public DnnModel build() {
        return build(DnnRuntime.chosen());
    }

    /** Loads the graph into this runtime; the caller closes the model. */
    public DnnModel build(DnnRuntime runtime) {
        return DnnModel.load(toOnnx(), input, outputs, runtime);
    }

    private Node pool(String op, String name, Node in, int kernel, int stride, Padding padding) {
        requireImage(name, in);
        int[] pads = padding.resolve(in.height(), in.width(), kernel, kernel, stride);
        int outH = outSize(name, in.height(), kernel, stride, pads[0], pads[2]);
        int outW = outSize(name, in.width(), kernel, stride, pads[1], pads[3]);
        ProtoWriter node = node(op, name, in.name())
                .message(5, ints("kernel_shape", kernel, kernel))
                .message(5, ints("strides", stride, stride))
                .message(5, ints("pads", pads));
        if ("AveragePool".equals(op)) {
            node.message(5, intAttr("count_include_pad", 0));
        }
        return emit(node, name, 1, in.channels(), outH, outW);
    }

    private Node emit(ProtoWriter node, String name, int... shape) {
        nodes.add(node);
        return new Node(name, shape);
    }

    private ProtoWriter node(String op, String name, String... inputs) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("layer name '" + name + "' is used twice");
        }
        ProtoWriter node = new ProtoWriter();
        for (String in : inputs) {
            node.string(1, in);
        }
        return node.string(2, name).string(3, name).string(4, op);
    }

    private String floatConstant(String name, float[] values, int... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return constant(name, FLOAT, raw.array(), dims.length == 0 ? new int[] {values.length} : dims);
    }

    private String longConstant(String name, long... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        return constant(name, INT64, raw.array(), new int[] {values.length});
    }

    private String constant(String name, int type, byte[] raw, int[] dims) {
        if (!names.add(name)) {
            throw new IllegalArgumentException("constant name '" + name + "' is used twice");
        }
        ProtoWriter tensor = new ProtoWriter();
        for (int d : dims) {
            tensor.int64(1, d);
        }
        tensor.int64(2, type).string(8, name).bytes(9, raw);
        initializers.add(tensor);
        return name;
    }

    private static ProtoWriter valueInfo(Node node) {
        ProtoWriter shape = new ProtoWriter();
        for (int d : node.shape()) {
            shape.message(1, new ProtoWriter().int64(1, d));
        }
        ProtoWriter tensorType = new ProtoWriter().int64(1, FLOAT).message(2, shape);
        return new ProtoWriter().string(1, node.name()).message(2, new ProtoWriter().message(1, tensorType));
    }

    private static ProtoWriter ints(String name, int... values) {
        ProtoWriter attr = new ProtoWriter().string(1, name);
        for (int v : values) {
            attr.int64(8, v);
        }
        return attr.int64(20, ATTR_INTS);
    }

    private static ProtoWriter intAttr(String name, int value) {
        return new ProtoWriter().string(1, name).int64(3, value).int64(20, ATTR_INT);
    }

    private static ProtoWriter floatAttr(String name, float value) {
        return new ProtoWriter().string(1, name).float32(2, value).int64(20, ATTR_FLOAT);
    }

    private static ProtoWriter stringAttr(String name, String value) {
        return new ProtoWriter().string(1, name).string(4, value).int64(20, ATTR_STRING);
    }

    /** The filters fit the input: an image, with the channels they take (one each for depthwise ones). */
    private static void requireFits(String name, Node in, ConvWeights weights) {
        requireImage(name, in);
        if (weights.depthwise() && weights.outChannels() != in.channels()) {
            throw new IllegalArgumentException(name + ": depthwise filters for " + weights.outChannels()
                    + " channels on an input of " + in.channels());
        }
        if (!weights.depthwise() && weights.inPerGroup() != in.channels()) {
            throw new IllegalArgumentException(name + ": filters take " + weights.inPerGroup()
                    + " channels, input " + in + " has " + in.channels());
        }
    }

    private static void requireImage(String name, Node in) {
        if (in.shape().length != 4) {
            throw new IllegalArgumentException(name + ": needs an image tensor, got " + in);
        }
    }

    private static int outSize(String name, int in, int kernel, int stride, int before, int after) {
        int out = (in + before + after - kernel) / stride + 1;
        if (out <= 0) {
            throw new IllegalArgumentException(name + ": a " + kernel + "-wide window does not fit " + in);
        }
        return out;
    }
}
