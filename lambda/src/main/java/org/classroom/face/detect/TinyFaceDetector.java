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
 * The fast face detector: face-api's Tiny Face Detector (Tiny YOLO v2) run by OpenCV DNN. Each cell of the output
 * grid predicts five anchor boxes; a box's score is the sigmoid of its objectness, its centre a sigmoid offset
 * within the cell and its size the anchor scaled by {@code exp}. Greedy NMS at IoU 0.4. Input: RGB
 * {@code (pixel - mean) / 255}, either face-api's way ({@link #square}: padded to a square, then resized) or
 * {@link #fitted}: the frame's own proportions, its longer side scaled to the input size. The network is
 * convolutional all through, so fitted costs in proportion to the picture alone (a 16:9 frame: 56% of the square)
 * and finds faces at the same scale; it keeps a network for each input shape it meets. Not thread-safe.
 */
public final class TinyFaceDetector implements FaceDetector {

    public static final String MODEL = "tiny_face_detector_model";
    public static final int DEFAULT_INPUT_SIZE = 416;
    public static final double DEFAULT_MIN_SCORE = 0.5;
    /** The engine's input: a frame's longer side at 512, as {@link SsdMobilenetDetector} scales a frame. */
    public static final int FITTED_LONG_SIDE = SsdMobilenetDetector.DEFAULT_INPUT_SIZE;

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
    /** Input shapes kept built: a batch of videos comes in few shapes (landscape, portrait, 4:3). */
    private static final int SHAPES_KEPT = 4;

    private final TfjsWeights weights;
    private final InputLayout layout;
    private final double minScore;
    private final NetworksByShape<DnnModel> networks = new NetworksByShape<>(SHAPES_KEPT, this::build);

    /** face-api's way, at its default input size and threshold. */
    public TinyFaceDetector() {
        this(DEFAULT_INPUT_SIZE, DEFAULT_MIN_SCORE);
    }

    /** face-api's way: the frame padded to a square and resized to {@code inputSize}. */
    public TinyFaceDetector(int inputSize, double minScore) {
        this(TfjsWeights.load(MODEL), inputSize, minScore, false);
    }

    private TinyFaceDetector(TfjsWeights weights, int inputSize, double minScore, boolean fitted) {
        if (minScore < 0 || minScore >= 1) {
            throw new IllegalArgumentException("score threshold must be in [0, 1), got " + minScore);
        }
        this.weights = weights;
        this.layout = new InputLayout(inputSize, fitted);
        this.minScore = minScore;
        // The common shape (square, or 16:9 landscape) is built now, so the first frame does not wait for it.
        networks.get(layout.commonWidth(), layout.commonHeight());
    }

    /** A detector on each frame's own proportions, its longer side scaled to {@code longSide}. */
    public static TinyFaceDetector fitted(int longSide, double minScore) {
        return new TinyFaceDetector(TfjsWeights.load(MODEL), longSide, minScore, true);
    }

    public int inputSize() {
        return layout.size();
    }

    public double minScore() {
        return minScore;
    }

    @Override
    public List<DetectedFace> detect(Mat bgrFrame) {
        DetectorInput input = layout.of(bgrFrame);
        float[] out = run(input, bgrFrame);
        int columns = input.width() / DetectorInput.STRIDE;
        int rows = input.height() / DetectorInput.STRIDE;
        int plane = rows * columns;
        List<NonMaxSuppression.Box> candidates = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < columns; col++) {
                int cell = row * columns + col;
                for (int a = 0; a < ANCHORS.length; a++) {
                    int channel = a * VALUES_PER_ANCHOR;
                    double score = sigmoid(out[(channel + 4) * plane + cell]);
                    if (score <= minScore) {
                        continue;
                    }
                    // Cells are square in pixels: x in columns, y in rows, each as a fraction of its side.
                    double cx = (col + sigmoid(out[channel * plane + cell])) / columns;
                    double cy = (row + sigmoid(out[(channel + 1) * plane + cell])) / rows;
                    double w = Math.exp(out[(channel + 2) * plane + cell]) * ANCHORS[a][0] / columns;
                    double h = Math.exp(out[(channel + 3) * plane + cell]) * ANCHORS[a][1] / rows;
                    candidates.add(new NonMaxSuppression.Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2,
                            score, cell * ANCHORS.length + a));
                }
            }
        }
        return input.facesInFrame(NonMaxSuppression.apply(candidates, MAX_IOU, MAX_RESULTS), bgrFrame);
    }

    /** The raw network output for a frame, {@code [1, 25, rows, columns]} NCHW (tests, diagnostics). */
    float[] grid(Mat bgrFrame) {
        return run(layout.of(bgrFrame), bgrFrame);
    }

    private float[] run(DetectorInput input, Mat bgrFrame) {
        DnnModel model = networks.get(input.width(), input.height());
        try (Mat blob = input.blob(bgrFrame, MEAN_RGB, SCALE)) {
            return model.run(blob)[0];
        }
    }

    private DnnModel build(int width, int height) {
        DnnModel model = TinyFaceNetwork.build(weights, width, height);
        Node grid = model.outputs().get(0);
        if (grid.channels() != ANCHORS.length * VALUES_PER_ANCHOR) {
            model.close();
            throw new IllegalStateException("the tiny face model predicts " + grid.channels()
                    + " values per cell, expected " + ANCHORS.length * VALUES_PER_ANCHOR);
        }
        return model.warmUp();
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Override
    public void close() {
        networks.close();
    }
}
