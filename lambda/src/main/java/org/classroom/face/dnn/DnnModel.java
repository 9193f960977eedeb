package org.classroom.face.dnn;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;

import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * A network built by {@link GraphBuilder}, loaded in OpenCV's DNN module (OpenCV backend, CPU).
 * Not thread-safe: one model per thread. Close it to free the native network.
 */
public final class DnnModel implements AutoCloseable {

    private final Net net;
    private final Node input;
    private final List<Node> outputs;
    private final StringVector outputNames;

    private DnnModel(Net net, Node input, List<Node> outputs) {
        this.net = net;
        this.input = input;
        this.outputs = List.copyOf(outputs);
        this.outputNames = new StringVector(outputs.stream().map(Node::name).toArray(String[]::new));
    }

    static DnnModel load(byte[] onnx, Node input, List<Node> outputs) {
        Net net;
        try (BytePointer buffer = new BytePointer(onnx)) {
            net = opencv_dnn.readNetFromONNX(buffer, onnx.length);
        }
        if (net == null || net.empty()) {
            throw new IllegalStateException("OpenCV could not load the generated network");
        }
        net.setPreferableBackend(opencv_dnn.DNN_BACKEND_OPENCV);
        net.setPreferableTarget(opencv_dnn.DNN_TARGET_CPU);
        return new DnnModel(net, input, outputs);
    }

    public Node input() {
        return input;
    }

    public List<Node> outputs() {
        return outputs;
    }

    /**
     * Runs the network on a {@code [1, C, H, W]} float blob (e.g. from {@code opencv_dnn.blobFromImage})
     * and returns each output's values, row-major NCHW, in the order the outputs were marked.
     */
    public float[][] run(Mat blob) {
        net.setInput(blob);
        try (MatVector results = new MatVector()) {
            net.forward(results, outputNames);
            float[][] values = new float[outputs.size()][];
            for (int i = 0; i < values.length; i++) {
                Mat result = results.get(i);
                int expected = outputs.get(i).size();
                if (result.total() != expected || !result.isContinuous()) {
                    throw new IllegalStateException("output " + outputs.get(i) + " came back with "
                            + result.total() + " values");
                }
                values[i] = new float[expected];
                try (FloatPointer data = new FloatPointer(result.data())) {
                    data.get(values[i]);
                }
                result.close();
            }
            return values;
        }
    }

    /**
     * Runs the network once on zeros, so OpenCV sets up its layers (allocations, weight transforms) now
     * rather than during the first real frame; worth it when models load while something else waits.
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
        outputNames.close();
        net.close();
    }
}
