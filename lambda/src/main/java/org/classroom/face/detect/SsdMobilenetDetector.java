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
 * The accurate face detector: face-api's SSD MobileNet v1 run by OpenCV DNN. The frame is padded
 * bottom/right to a square and scaled to 512x512 (by default) RGB in [-1, 1]; each of 5118 anchors gets a box
 * encoding (ty, tx, th, tw; variances 10, 10, 5, 5) and a face score (sigmoid of class 1 of 3); boxes
 * above the score threshold go through greedy NMS at IoU 0.5.
 *
 * <p>The default threshold is 0.4, not face-api's 0.5: 0.5 misses a course face (Mr Bean scores
 * 0.47-0.48) while 0.4 finds every course face and nothing spurious. Not thread-safe.
 */
public final class SsdMobilenetDetector implements FaceDetector {

    public static final String MODEL = "ssd_mobilenetv1_model";
    public static final double DEFAULT_MIN_SCORE = 0.4;
    /** face-api's input size, the one the network was trained at. */
    public static final int DEFAULT_INPUT_SIZE = SsdMobilenetNetwork.TRAINED_SIZE;

    private static final double MAX_IOU = 0.5;
    private static final int MAX_RESULTS = 100;
    /** In 8 bits, a face scored this near the threshold is a close call that floats decide. */
    static final double CLOSE_CALL = 0.12;
    private static final double[] MEAN_RGB = {127.5, 127.5, 127.5};
    private static final double[] EIGHT_BIT_MEAN_RGB = {SsdMobilenetNetwork.IMAGE_ZERO, SsdMobilenetNetwork.IMAGE_ZERO,
        SsdMobilenetNetwork.IMAGE_ZERO};
    /** face-api's input scale, 1/127.5: the step the 8-bit input is rounded to as well. */
    private static final double SCALE = SsdMobilenetNetwork.IMAGE_STEP;
    /** Input shapes kept built: a batch of videos comes in few shapes. */
    private static final int SHAPES_KEPT = 4;

    private final TfjsWeights weights;
    private final float[] trained;
    private final InputLayout layout;
    private final double minScore;
    private final DetectorPrecision precision;
    private final NetworksByShape<Shaped> networks;
    /** In 8 bits, the float networks that decide close calls, built when the first one comes; else null. */
    private final NetworksByShape<Shaped> floatNetworks;

    /** Loads the weights from the class path, score threshold {@value #DEFAULT_MIN_SCORE}, face-api's square input. */
    public SsdMobilenetDetector() {
        this(DEFAULT_MIN_SCORE);
    }

    /** face-api's way: the frame padded to a 512×512 square. */
    public SsdMobilenetDetector(double minScore) {
        this(TfjsWeights.load(MODEL), minScore);
    }

    public SsdMobilenetDetector(TfjsWeights weights, double minScore) {
        this(weights, DEFAULT_INPUT_SIZE, minScore);
    }

    /**
     * A detector running the network on a square of another size (a multiple of 32): smaller is faster and finds
     * small faces less well. The trained anchors are laid out again over the other grids, each the same size in pixels.
     */
    public SsdMobilenetDetector(TfjsWeights weights, int inputSize, double minScore) {
        this(weights, inputSize, minScore, false, DetectorPrecision.chosen());
    }

    /** As {@link #SsdMobilenetDetector(TfjsWeights, int, double)}, computing in this precision. */
    public SsdMobilenetDetector(TfjsWeights weights, int inputSize, double minScore, DetectorPrecision precision) {
        this(weights, inputSize, minScore, false, precision);
    }

    private SsdMobilenetDetector(TfjsWeights weights, int inputSize, double minScore, boolean fitted,
                                 DetectorPrecision precision) {
        if (minScore < 0 || minScore >= 1) {
            throw new IllegalArgumentException("score threshold must be in [0, 1), got " + minScore);
        }
        this.weights = weights;
        this.trained = weights.get("Output/extra_dim").values();
        this.layout = new InputLayout(inputSize, fitted);
        this.minScore = minScore;
        this.precision = precision;
        this.networks = new NetworksByShape<>(SHAPES_KEPT, (width, height) -> build(width, height, precision));
        this.floatNetworks = precision == DetectorPrecision.FLOAT ? null
                : new NetworksByShape<>(SHAPES_KEPT, (width, height) -> build(width, height, DetectorPrecision.FLOAT));
        // The common shape (square, or 16:9 landscape) is built now, so the first frame does not wait for it.
        networks.get(layout.commonWidth(), layout.commonHeight());
    }

    /**
     * SSD on each frame's own proportions, its longer side scaled to {@code longSide}: the faces face-api's square
     * input finds at that size, without the work on padding (a 16:9 frame: 56% of the square).
     */
    public static SsdMobilenetDetector fitted(TfjsWeights weights, int longSide, double minScore) {
        return fitted(weights, longSide, minScore, DetectorPrecision.chosen());
    }

    /** As {@link #fitted(TfjsWeights, int, double)}, computing in this precision. */
    public static SsdMobilenetDetector fitted(TfjsWeights weights, int longSide, double minScore,
                                              DetectorPrecision precision) {
        return new SsdMobilenetDetector(weights, longSide, minScore, true, precision);
    }

    public int inputSize() {
        return layout.size();
    }

    public double minScore() {
        return minScore;
    }

    public DetectorPrecision precision() {
        return precision;
    }

    /**
     * The faces in the frame. In 8 bits, a frame where a face falls just short of the threshold (by less than
     * {@value #CLOSE_CALL}) is looked at again in floats, which decide it as face-api would: 8 bits move a score by a
     * few hundredths, and by up to a tenth for a face the network is unsure of (Floki's first frame in a lecture:
     * 0.485 in floats, 0.373 in 8 bits), enough to lose a face. A face they keep just above the threshold is kept
     * (floats might score it just under: a close call either way). Other frames cost the 8 bits alone.
     */
    @Override
    public List<DetectedFace> detect(Mat bgrFrame) {
        DetectorInput input = layout.of(bgrFrame);
        if (floatNetworks == null) {
            return input.facesInFrame(faces(predict(networks, input, bgrFrame), minScore), bgrFrame);
        }
        List<NonMaxSuppression.Box> faces = faces(predict(networks, input, bgrFrame), minScore - CLOSE_CALL);
        if (faces.stream().anyMatch(face -> face.score() <= minScore)) {
            faces = faces(predict(floatNetworks, input, bgrFrame), minScore);
        }
        return input.facesInFrame(faces, bgrFrame);
    }

    /** The anchors scored above the floor, overlapping ones merged (NMS). */
    private static List<NonMaxSuppression.Box> faces(Predictions p, double floor) {
        List<NonMaxSuppression.Box> candidates = new ArrayList<>();
        for (int i = 0; i < p.scores().length; i++) {
            if (p.scores()[i] > floor) {
                float[] b = p.box(i);
                candidates.add(new NonMaxSuppression.Box(b[1], b[0], b[3], b[2], p.scores()[i], i));
            }
        }
        return NonMaxSuppression.apply(candidates, MAX_IOU, MAX_RESULTS);
    }

    /** Every anchor's face score and decoded box, in the detector's precision, before thresholding and NMS (tests, diagnostics). */
    Predictions predict(Mat bgrFrame) {
        return predict(networks, layout.of(bgrFrame), bgrFrame);
    }

    private static Predictions predict(NetworksByShape<Shaped> shapes, DetectorInput input, Mat bgrFrame) {
        Shaped network = shapes.get(input.width(), input.height());
        float[][] out;
        try (Mat blob = input.blob(bgrFrame, network.mean(), SCALE)) {
            out = network.model().run(blob);
        }
        float[] anchors = network.anchors();
        int total = anchors.length / 4;
        float[] scores = new float[total];
        float[] boxes = new float[total * 4];
        int anchor = 0;
        for (int head = 0; head < SsdMobilenetNetwork.HEADS; head++) {
            Node boxNode = network.model().outputs().get(2 * head);
            float[] encodings = out[2 * head];
            float[] logits = out[2 * head + 1];
            int plane = boxNode.height() * boxNode.width();
            int perCell = boxNode.channels() / 4;
            // TF predicts NHWC and flattens cell by cell, anchor by anchor; OpenCV hands us NCHW
            for (int cell = 0; cell < plane; cell++) {
                for (int a = 0; a < perCell; a++, anchor++) {
                    double logit = logits[(a * 3 + 1) * plane + cell];
                    scores[anchor] = (float) (1 / (1 + Math.exp(-logit)));
                    decode(anchors, anchor, boxes, encodings[(a * 4) * plane + cell],
                            encodings[(a * 4 + 1) * plane + cell], encodings[(a * 4 + 2) * plane + cell],
                            encodings[(a * 4 + 3) * plane + cell]);
                }
            }
        }
        return new Predictions(scores, boxes);
    }

    /** The network for an input of this size, with the anchors laid out for its grids. */
    private Shaped build(int width, int height, DetectorPrecision precision) {
        DnnModel model = SsdMobilenetNetwork.build(weights, width, height, precision);
        int[] rows = new int[SsdMobilenetNetwork.HEADS];
        int[] columns = new int[SsdMobilenetNetwork.HEADS];
        int count = 0;
        for (int head = 0; head < SsdMobilenetNetwork.HEADS; head++) {
            Node boxes = model.outputs().get(2 * head);
            rows[head] = boxes.height();
            columns[head] = boxes.width();
            count += boxes.height() * boxes.width() * boxes.channels() / 4;
        }
        float[] anchors = width == DEFAULT_INPUT_SIZE && height == DEFAULT_INPUT_SIZE ? trained
                : SsdAnchors.forInput(trained, width, height, rows, columns);
        if (count * 4 != anchors.length) {
            model.close();
            throw new IllegalStateException("the network predicts " + count + " boxes but the model has "
                    + anchors.length / 4 + " anchors");
        }
        model.warmUp();
        return new Shaped(model, anchors, precision == DetectorPrecision.INT8 ? EIGHT_BIT_MEAN_RGB : MEAN_RGB);
    }

    private static void decode(float[] anchors, int i, float[] boxes, float ty, float tx, float th, float tw) {
        double ymin = anchors[4 * i];
        double xmin = anchors[4 * i + 1];
        double ymax = anchors[4 * i + 2];
        double xmax = anchors[4 * i + 3];
        double anchorH = ymax - ymin;
        double anchorW = xmax - xmin;
        double cy = ymin + anchorH / 2 + ty / 10.0 * anchorH;
        double cx = xmin + anchorW / 2 + tx / 10.0 * anchorW;
        double halfH = Math.exp(th / 5.0) * anchorH / 2;
        double halfW = Math.exp(tw / 5.0) * anchorW / 2;
        boxes[4 * i] = (float) (cy - halfH);
        boxes[4 * i + 1] = (float) (cx - halfW);
        boxes[4 * i + 2] = (float) (cy + halfH);
        boxes[4 * i + 3] = (float) (cx + halfW);
    }

    @Override
    public void close() {
        networks.close();
        if (floatNetworks != null) {
            floatNetworks.close();
        }
    }

    /** One input shape's network, its anchors and the pixel value its input centres on. */
    private record Shaped(DnnModel model, float[] anchors, double[] mean) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }

    /**
     * Per-anchor output: {@code scores[i]} and {@code boxes[4i..4i+3]} = ymin, xmin, ymax, xmax in [0, 1]
     * of the input's height and width.
     */
    record Predictions(float[] scores, float[] boxes) {

        float[] box(int i) {
            return new float[] {boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]};
        }

        int best() {
            int best = 0;
            for (int i = 1; i < scores.length; i++) {
                if (scores[i] > scores[best]) {
                    best = i;
                }
            }
            return best;
        }
    }
}
