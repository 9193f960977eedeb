package org.classroom.face.encode;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.classroom.face.FaceEncoder;
import org.classroom.face.dnn.DnnModel;
import org.classroom.face.weights.TfjsWeights;

/**
 * The 128-number face descriptor of an aligned chip by dlib's ResNet as ported to TF.js by face-api
 * ({@code face_recognition_model}), run by ONNX Runtime. Input: the 150×150 chip, RGB,
 * {@code (x − mean) / 255} with face-api's mean. Descriptors of one person lie within about 0.6 of
 * each other (Euclidean), as dlib's do. Not thread-safe; close it to free the network.
 */
public final class ResNetFaceEncoder implements FaceEncoder {

    /** face-api's per-channel mean, R, G, B. */
    private static final double[] MEAN_RGB = {122.782, 117.001, 104.298};

    private final DnnModel model;

    private ResNetFaceEncoder(DnnModel model) {
        this.model = model;
    }

    /** Builds the net from the weights on the class path ({@code /models/face_recognition_model-*}). */
    public static ResNetFaceEncoder load() {
        return new ResNetFaceEncoder(ResNetNetwork.build(TfjsWeights.load(ResNetNetwork.MODEL)));
    }

    @Override
    public double[] encode(Mat alignedChip) {
        if (alignedChip.type() != CV_8UC3 || alignedChip.rows() != CHIP_SIZE || alignedChip.cols() != CHIP_SIZE) {
            throw new IllegalArgumentException("expected a " + CHIP_SIZE + "x" + CHIP_SIZE
                    + " 8-bit BGR chip, got " + alignedChip.cols() + "x" + alignedChip.rows() + " type " + alignedChip.type());
        }
        try (Size size = new Size(CHIP_SIZE, CHIP_SIZE);
                Scalar mean = new Scalar(MEAN_RGB[0], MEAN_RGB[1], MEAN_RGB[2], 0);
                Mat blob = blobFromImage(alignedChip, 1 / 255.0, size, mean, true, false, CV_32F)) {
            float[] values = model.run(blob)[0];
            double[] descriptor = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                descriptor[i] = values[i];
            }
            return descriptor;
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
