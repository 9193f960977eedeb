package org.classroom.face.dnn;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A network built by {@link GraphBuilder}, run by ONNX Runtime on the CPU (see {@link OnnxRuntime}). Safe to
 * run from several threads. Close it to free the native session.
 */
public final class DnnModel implements AutoCloseable {

    private final OrtSession session;
    private final Node input;
    private final List<Node> outputs;
    private final Set<String> outputNames;
    private final long[] inputShape;

    private DnnModel(OrtSession session, Node input, List<Node> outputs) {
        this.session = session;
        this.input = input;
        this.outputs = List.copyOf(outputs);
        this.outputNames = new LinkedHashSet<>(outputs.stream().map(Node::name).toList());
        this.inputShape = Arrays.stream(input.shape()).asLongStream().toArray();
    }

    static DnnModel load(byte[] onnx, Node input, List<Node> outputs) {
        return new DnnModel(OnnxRuntime.session(onnx), input, outputs);
    }

    public Node input() {
        return input;
    }

    public List<Node> outputs() {
        return outputs;
    }

    /**
     * Runs the network on a {@code [1, C, H, W]} float blob (e.g. from {@code opencv_dnn.blobFromImage})
     * and returns each output's values, row-major NCHW, in the order the outputs were marked. The blob's
     * pixels are read where they lie, not copied.
     */
    public float[][] run(Mat blob) {
        if (blob.type() != CV_32F || !blob.isContinuous() || blob.total() != input.size()) {
            throw new IllegalArgumentException("input " + input + " needs a continuous float blob of "
                    + input.size() + " values, got " + blob.total());
        }
        FloatBuffer pixels = blob.data().capacity(blob.total() * Float.BYTES).asByteBuffer()
                .order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
        return run(pixels);
    }

    /**
     * Runs the network once on zeros, so ONNX Runtime sets up its buffers now rather than during the first
     * real frame; worth it when models load while something else waits.
     */
    public DnnModel warmUp() {
        run(new float[input.size()]);
        return this;
    }

    /** Runs the network on raw NCHW values (tests, small inputs). */
    public float[][] run(float[] nchw) {
        if (nchw.length != input.size()) {
            throw new IllegalArgumentException("input needs " + input.size() + " values, got " + nchw.length);
        }
        return run(FloatBuffer.wrap(nchw));
    }

    private float[][] run(FloatBuffer pixels) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(OnnxRuntime.environment(), pixels, inputShape);
                OrtSession.Result result = session.run(Map.of(input.name(), tensor), outputNames)) {
            float[][] values = new float[outputs.size()][];
            for (int i = 0; i < values.length; i++) {
                Node output = outputs.get(i);
                OnnxValue value = result.get(output.name()).orElseThrow(
                        () -> new IllegalStateException("output " + output + " did not come back"));
                FloatBuffer data = ((OnnxTensor) value).getFloatBuffer();
                if (data == null || data.remaining() != output.size()) {
                    throw new IllegalStateException("output " + output + " came back with "
                            + (data == null ? "no float" : data.remaining()) + " values");
                }
                values[i] = new float[output.size()];
                data.get(values[i]);
            }
            return values;
        } catch (OrtException e) {
            throw new IllegalStateException("the network failed to run: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot free the network: " + e.getMessage(), e);
        }
    }
}
