package org.classroom.face.detect;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.classroom.face.DetectedFace;
import org.classroom.face.FaceDetector;
import org.classroom.face.dnn.DnnModel;
import org.classroom.face.dnn.Node;
import org.classroom.face.weights.TfjsWeights;

/**
 * The fast face detector: face-api's Tiny Face Detector (Tiny YOLO v2) run by OpenCV DNN. The frame is
 * padded bottom/right to a square, scaled to the input size (416 by default, any multiple of 32), and
 * given as RGB {@code (pixel - mean) / 255}. Each cell of the output grid predicts five anchor boxes;
 * a box's score is the sigmoid of its objectness, its centre a sigmoid offset within the cell and its
 * size the anchor scaled by {@code exp}. Greedy NMS at IoU 0.4. Less accurate than
 * {@link SsdMobilenetDetector}, several times faster. Not thread-safe.
 */
public final class TinyFaceDetector implements FaceDetector {

    public static final String MODEL = "tiny_face_detector_model";
    public static final int DEFAULT_INPUT_SIZE = 416;
    public static final double DEFAULT_MIN_SCORE = 0.5;

    private static final double MAX_IOU = 0.4;
    private static final int MAX_RESULTS = 100;
    private static final double[] MEAN_RGB = {117.001, 114.697, 97.404};
    /** face-api 1.7.15 divides by 255 (older sources say 256; the shipped package is what the weights match). */
    private static final double SCALE = 1.0 / 255;
    /** Anchor widths and heights in grid cells, face-api's values. */
    private static final double[][] ANCHORS = {
        {1.603231, 2.094468}, {6.041143, 7.080126}, {2.882459, 3.518061}, {4.266906, 5.178857}, {9.041765, 10.66308},
    };
    private static final int VALUES_PER_ANCHOR = 5;

    private final DnnModel model;
    private final int inputSize;
    private final double minScore;

    public TinyFaceDetector() {
        this(DEFAULT_INPUT_SIZE, DEFAULT_MIN_SCORE);
    }

    public TinyFaceDetector(int inputSize, double minScore) {
        this(TfjsWeights.load(MODEL), inputSize, minScore);
    }

    public TinyFaceDetector(TfjsWeights weights, int inputSize, double minScore) {
        if (inputSize < 64 || inputSize % 32 != 0) {
            throw new IllegalArgumentException("input size must be a multiple of 32 (at least 64), got "
                    + inputSize);
        }
        if (minScore < 0 || minScore >= 1) {
            throw new IllegalArgumentException("score threshold must be in [0, 1), got " + minScore);
        }
        this.inputSize = inputSize;
        this.minScore = minScore;
        this.model = TinyFaceNetwork.build(weights, inputSize);
        if (model.outputs().get(0).channels() != ANCHORS.length * VALUES_PER_ANCHOR) {
            model.close();
            throw new IllegalStateException("the tiny face model predicts " + model.outputs().get(0).channels()
                    + " values per cell, expected " + ANCHORS.length * VALUES_PER_ANCHOR);
        }
        model.warmUp();
    }

    public int inputSize() {
        return inputSize;
    }

    public double minScore() {
        return minScore;
    }

    @Override
    public List<DetectedFace> detect(Mat bgrFrame) {
        float[] out = grid(bgrFrame);
        Node grid = model.outputs().get(0);
        int cells = grid.height();
        int plane = cells * cells;
        List<NonMaxSuppression.Box> candidates = new ArrayList<>();
        for (int row = 0; row < cells; row++) {
            for (int col = 0; col < cells; col++) {
                int cell = row * cells + col;
                for (int a = 0; a < ANCHORS.length; a++) {
                    int channel = a * VALUES_PER_ANCHOR;
                    double score = sigmoid(out[(channel + 4) * plane + cell]);
                    if (score <= minScore) {
                        continue;
                    }
                    double cx = (col + sigmoid(out[channel * plane + cell])) / cells;
                    double cy = (row + sigmoid(out[(channel + 1) * plane + cell])) / cells;
                    double w = Math.exp(out[(channel + 2) * plane + cell]) * ANCHORS[a][0] / cells;
                    double h = Math.exp(out[(channel + 3) * plane + cell]) * ANCHORS[a][1] / cells;
                    candidates.add(new NonMaxSuppression.Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2,
                            score, cell * ANCHORS.length + a));
                }
            }
        }
        return SquareInput.facesInFrame(NonMaxSuppression.apply(candidates, MAX_IOU, MAX_RESULTS), bgrFrame);
    }

    /** The raw network output, {@code [1, 25, cells, cells]} NCHW (tests, diagnostics). */
    float[] grid(Mat bgrFrame) {
        try (Mat blob = SquareInput.blob(bgrFrame, inputSize, MEAN_RGB, SCALE)) {
            return model.run(blob)[0];
        }
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Override
    public void close() {
        model.close();
    }
}
