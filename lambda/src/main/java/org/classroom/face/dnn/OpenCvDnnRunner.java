package org.classroom.face.dnn;

import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_dnn;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.bytedeco.opencv.opencv_dnn.Net;

/**
 * A network in OpenCV's DNN module (OpenCV backend, CPU), read from the same ONNX bytes. Not thread-safe: OpenCV
 * keeps a run's buffers in the network.
 */
final class OpenCvDnnRunner implements NetworkRunner {

    private final Net net;
    private final List<Node> outputs;
    private final StringVector outputNames;

    OpenCvDnnRunner(byte[] onnx, List<Node> outputs) {
        Net loaded;
        try (BytePointer buffer = new BytePointer(onnx)) {
            loaded = opencv_dnn.readNetFromONNX(buffer, onnx.length);
        }
        if (loaded == null || loaded.empty()) {
            throw new IllegalStateException("OpenCV could not load the generated network");
        }
        loaded.setPreferableBackend(opencv_dnn.DNN_BACKEND_OPENCV);
        loaded.setPreferableTarget(opencv_dnn.DNN_TARGET_CPU);
        this.net = loaded;
        this.outputs = List.copyOf(outputs);
        this.outputNames = new StringVector(outputs.stream().map(Node::name).toArray(String[]::new));
    }

    @Override
    public synchronized float[][] run(Mat blob) {
        net.setInput(blob);
        try (MatVector results = new MatVector()) {
            net.forward(results, outputNames);
            float[][] values = new float[outputs.size()][];
            for (int i = 0; i < values.length; i++) {
                try (Mat result = results.get(i)) {
                    int expected = outputs.get(i).size();
                    if (result.total() != expected || !result.isContinuous()) {
                        throw new IllegalStateException("output " + outputs.get(i) + " came back with "
                                + result.total() + " values");
                    }
                    values[i] = new float[expected];
                    try (FloatPointer data = new FloatPointer(result.data())) {
                        data.get(values[i]);
                    }
                }
            }
            return values;
        }
    }

    @Override
    public void close() {
        outputNames.close();
        net.close();
    }
}
