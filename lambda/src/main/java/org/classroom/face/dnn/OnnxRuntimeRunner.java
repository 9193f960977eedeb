package org.classroom.face.dnn;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A network in an ONNX Runtime session, optimised fully (operator fusion, the CPU's own memory layouts); the blob's
 * pixels are read where they lie. The session runs on one thread per core; its workers spin between the layers of
 * a run (waking a sleeping thread for each layer costs more than the layer) but stop spinning as soon as the run
 * ends, so that they do not take the cores FFmpeg decodes the next frame on.
 */
final class OnnxRuntimeRunner implements NetworkRunner {

    /** ONNX Runtime's switch that ends the workers' spinning with each run. */
    private static final String STOP_SPINNING_AFTER_RUN = "session.force_spinning_stop";

    private final OrtSession session;
    private final Node input;
    private final List<Node> outputs;
    private final Set<String> outputNames;
    private final long[] inputShape;

    OnnxRuntimeRunner(byte[] onnx, Node input, List<Node> outputs) {
        this.session = session(onnx);
        this.input = input;
        this.outputs = List.copyOf(outputs);
        this.outputNames = new LinkedHashSet<>(outputs.stream().map(Node::name).toList());
        this.inputShape = Arrays.stream(input.shape()).asLongStream().toArray();
    }

    @Override
    public float[][] run(Mat blob) {
        FloatBuffer pixels = blob.data().capacity(blob.total() * Float.BYTES).asByteBuffer()
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        try (OnnxTensor tensor = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), pixels, inputShape);
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

    private static OrtSession session(byte[] onnx) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
            options.addConfigEntry(STOP_SPINNING_AFTER_RUN, "1");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return OrtEnvironment.getEnvironment().createSession(onnx, options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the generated network: " + e.getMessage(), e);
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
