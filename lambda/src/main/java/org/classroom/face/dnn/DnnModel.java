package org.classroom.face.dnn;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import java.util.List;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A network built by {@link GraphBuilder}, loaded in a {@link DnnRuntime}. Safe to run from several threads. Close
 * it to free the native network.
 */
public final class DnnModel implements AutoCloseable {

    private final NetworkRunner runner;
    private final DnnRuntime runtime;
    private final Node input;
    private final List<Node> outputs;

    private DnnModel(NetworkRunner runner, DnnRuntime runtime, Node input, List<Node> outputs) {
        this.runner = runner;
        this.runtime = runtime;
        this.input = input;
        this.outputs = List.copyOf(outputs);
    }

    static DnnModel load(byte[] onnx, Node input, List<Node> outputs, DnnRuntime runtime) {
        NetworkRunner runner = switch (runtime) {
            case ONNX_RUNTIME -> new OnnxRuntimeRunner(onnx, input, outputs);
            case OPENCV -> new OpenCvDnnRunner(onnx, outputs);
        };
        return new DnnModel(runner, runtime, input, outputs);
    }

    public Node input() {
        return input;
    }

    public List<Node> outputs() {
        return outputs;
    }

    public DnnRuntime runtime() {
        return runtime;
    }

    /**
     * Runs the network on a {@code [1, C, H, W]} float blob (e.g. from {@code opencv_dnn.blobFromImage})
     * and returns each output's values, row-major NCHW, in the order the outputs were marked.
     */
    public float[][] run(Mat blob) {
        if (blob.type() != CV_32F || !blob.isContinuous() || blob.total() != input.size()) {
            throw new IllegalArgumentException("input " + input + " needs a continuous float blob of "
                    + input.size() + " values, got " + blob.total());
        }
        return runner.run(blob);
    }

    /**
     * Runs the network once on zeros, so the runtime sets up its buffers now rather than during the first real
     * frame; worth it when models load while something else waits.
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
        try (Mat blob = new Mat(input.shape(), CV_32F)) {
            try (FloatPointer data = new FloatPointer(blob.data())) {
                data.put(nchw);
            }
            return run(blob);
        }
    }

    @Override
    public void close() {
        runner.close();
    }
}
