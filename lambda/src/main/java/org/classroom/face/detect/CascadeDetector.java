package org.classroom.face.detect;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.classroom.face.DetectedFace;
import org.classroom.face.FaceDetector;
import org.classroom.face.weights.TfjsWeights;

/**
 * A detector the engine may use instead of SSD alone ({@code --detector cascade}): a fast one looks over the whole frame for candidates, then SSD looks again at a small
 * window around each, scaled so that the face is of a size SSD finds well. What SSD finds there is the face, with
 * SSD's box; a candidate it finds nothing in is dropped. The Tiny Face Detector misses few faces but also takes
 * patterns (a test card, a slide) for faces; SSD on the whole frame in floats costs about twice the cascade. Together: SSD's
 * answers wherever the fast detector looked, at a fraction of SSD's time. A frame in which this finds nobody is
 * given to SSD whole: the tiny detector misses faces smaller than SSD does (a face 70 px high in a 1080p frame), and
 * "nobody here" should be SSD's answer, not the tiny detector's. Its SSD computes in floats (see
 * {@link DetectorPrecision}); the default SSD in 8 bits is now about as fast. Not thread-safe.
 */
public final class CascadeDetector implements FaceDetector {

    /**
     * The finder's input: face-api's size for the tiny detector (its longer side), on the frame's own proportions.
     */
    public static final int FINDER_INPUT = TinyFaceDetector.DEFAULT_INPUT_SIZE;
    /**
     * The finder's threshold, below SSD's: SSD decides, so the finder may propose more. At 0.3 it proposed every face
     * SSD finds in the course clips and the lecture, where at 0.4 it missed a small one beside another.
     */
    public static final double FINDER_MIN_SCORE = 0.3;
    /** SSD's input for a window: small, so that a look costs a tenth of a whole frame's. */
    public static final int DEFAULT_WINDOW_INPUT = 128;
    /**
     * A window's side, in the candidate box's longer side. With a 128-pixel window every span from 2.0 to 2.8 found
     * every face SSD finds on the whole frame, in the course clips and a lecture made from them, and SSD's box to
     * within 0.83 IoU; narrower windows make a face too large for SSD there, wider ones too small. This is the middle.
     */
    public static final double DEFAULT_WINDOW_SPAN = 2.4;
    /** Two candidates that SSD finds to be the same face (boxes overlapping this much) are one face. */
    private static final double SAME_FACE_IOU = 0.5;

    private final FaceDetector finder;
    private final SsdMobilenetDetector checker;
    private final FaceDetector wholeFrame;
    private final double windowSpan;

    /**
     * @param finder     looks over the whole frame
     * @param checker    looks at each window; its input size is the window's size in pixels
     * @param wholeFrame looks at a frame in which the other two found nobody
     * @param windowSpan a window's side over the candidate box's longer side
     */
    public CascadeDetector(FaceDetector finder, SsdMobilenetDetector checker, FaceDetector wholeFrame,
                           double windowSpan) {
        if (!(windowSpan >= 1)) {
            throw new IllegalArgumentException("a window must hold its candidate (span at least 1), not " + windowSpan);
        }
        this.finder = finder;
        this.checker = checker;
        this.wholeFrame = wholeFrame;
        this.windowSpan = windowSpan;
    }

    /**
     * The Tiny Face Detector on the frame's own proportions, checked by SSD at the window size and span above.
     *
     * @param minScore SSD's threshold for a face
     */
    public static CascadeDetector standard(double minScore) {
        TfjsWeights ssd = TfjsWeights.load(SsdMobilenetDetector.MODEL);
        List<FaceDetector> built = new ArrayList<>();
        try {
            TinyFaceDetector finder = TinyFaceDetector.fitted(FINDER_INPUT, Math.min(minScore, FINDER_MIN_SCORE));
            built.add(finder);
            // In floats: a small face fills few of a window's pixels, and in 8 bits SSD lost one (a test_5 frame).
            SsdMobilenetDetector checker = new SsdMobilenetDetector(ssd, DEFAULT_WINDOW_INPUT, minScore,
                    DetectorPrecision.FLOAT);
            built.add(checker);
            SsdMobilenetDetector whole = SsdMobilenetDetector.fitted(ssd, SsdMobilenetDetector.DEFAULT_INPUT_SIZE,
                    minScore, DetectorPrecision.FLOAT);
            return new CascadeDetector(finder, checker, whole, DEFAULT_WINDOW_SPAN);
        } catch (RuntimeException e) {
            built.forEach(FaceDetector::close);
            throw e;
        }
    }

    @Override
    public List<DetectedFace> detect(Mat bgrFrame) {
        List<NonMaxSuppression.Box> found = new ArrayList<>();
        int index = 0;
        for (DetectedFace candidate : finder.detect(bgrFrame)) {
            DetectedFace face = check(bgrFrame, candidate);
            if (face != null) {
                found.add(new NonMaxSuppression.Box(face.x(), face.y(), face.x() + face.width(),
                        face.y() + face.height(), face.score(), index++));
            }
        }
        if (found.isEmpty()) {
            return wholeFrame.detect(bgrFrame);
        }
        List<DetectedFace> faces = new ArrayList<>();
        for (NonMaxSuppression.Box box : NonMaxSuppression.apply(found, SAME_FACE_IOU, Integer.MAX_VALUE)) {
            faces.add(new DetectedFace(box.left(), box.top(), box.right() - box.left(), box.bottom() - box.top(),
                    box.score()));
        }
        return faces;
    }

    /** SSD's face at the candidate's centre, in the frame's pixels; null when SSD sees none there. */
    private DetectedFace check(Mat frame, DetectedFace candidate) {
        double side = windowSpan * Math.max(candidate.width(), candidate.height());
        double centreX = candidate.x() + candidate.width() / 2;
        double centreY = candidate.y() + candidate.height() / 2;
        double left = centreX - side / 2;
        double top = centreY - side / 2;
        int input = checker.inputSize();
        double scale = input / side;
        List<DetectedFace> inWindow;
        try (Mat window = DetectorInput.scaled(frame, left, top, scale, input, input)) {
            inWindow = checker.detect(window);
        }
        DetectedFace best = null;
        double middle = input / 2.0;
        for (DetectedFace face : inWindow) {
            boolean atCentre = face.x() <= middle && middle <= face.x() + face.width() && face.y() <= middle
                    && middle <= face.y() + face.height();
            if (atCentre && (best == null || face.score() > best.score())) {
                best = face;
            }
        }
        if (best == null) {
            return null;
        }
        double x = Math.max(0, left + best.x() / scale);
        double y = Math.max(0, top + best.y() / scale);
        double right = Math.min(frame.cols(), left + (best.x() + best.width()) / scale);
        double bottom = Math.min(frame.rows(), top + (best.y() + best.height()) / scale);
        return right > x && bottom > y ? new DetectedFace(x, y, right - x, bottom - y, best.score()) : null;
    }

    @Override
    public void close() {
        finder.close();
        checker.close();
        wholeFrame.close();
    }
}
