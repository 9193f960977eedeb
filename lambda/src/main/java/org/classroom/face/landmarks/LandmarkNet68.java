package org.classroom.face.landmarks;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import org.bytedeco.opencv.opencv_core.Mat;
import org.classroom.face.DetectedFace;
import org.classroom.face.FaceLandmarks;
import org.classroom.face.LandmarkLocator;
import org.classroom.face.dnn.DnnModel;
import org.classroom.face.weights.TfjsWeights;

/**
 * The 68 landmarks of a detected face by face-api's landmark net ({@code face_landmark_68_model}), run
 * by ONNX Runtime. Input: the face box padded to a centred square, 112×112, RGB, {@code (x −
 * mean) / 255} with face-api's mean. Output: 68 (x, y) pairs as fractions of the square. Not
 * thread-safe; close it to free the network.
 */
public final class LandmarkNet68 implements LandmarkLocator {

    /** face-api's per-channel mean, R, G, B. */
    private static final double[] MEAN_RGB = {122.782, 117.001, 104.298};

    private final DnnModel model;

    private LandmarkNet68(DnnModel model) {
        this.model = model;
    }

    /** Builds the net from the weights on the class path ({@code /models/face_landmark_68_model-*}). */
    public static LandmarkNet68 load() {
        return new LandmarkNet68(LandmarkNetwork.build(TfjsWeights.load(LandmarkNetwork.MODEL)));
    }

    @Override
    public FaceLandmarks locate(Mat bgrFrame, DetectedFace face) {
        if (bgrFrame.type() != CV_8UC3) {
            throw new IllegalArgumentException("expected an 8-bit 3-channel frame, got type " + bgrFrame.type());
        }
        LandmarkCrop crop = LandmarkCrop.of(face, bgrFrame.cols(), bgrFrame.rows());
        int size = LandmarkNetwork.INPUT_SIZE;
        float[] input = crop.square(bgrFrame, size);
        int plane = size * size;
        for (int c = 0; c < 3; c++) {
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                input[i] = (float) ((input[i] - MEAN_RGB[c]) / 255);
            }
        }
        return new FaceLandmarks(crop.toFrame(model.run(input)[0]));
    }

    @Override
    public void close() {
        model.close();
    }
}
