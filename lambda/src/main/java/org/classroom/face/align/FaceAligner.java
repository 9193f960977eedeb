package org.classroom.face.align;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.pyrDown;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatExpr;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.classroom.face.FaceLandmarks;

/**
 * Cuts a face out of a frame onto dlib's face chip: the five template points are fitted to the face's
 * eye corners and nose by a least-squares similarity, and the chip is sampled through it, as dlib's
 * {@code extract_image_chip} does: bilinear, black outside the frame, and through an image pyramid
 * (5-tap Gaussian, halving) when the face is more than twice the chip's size, so large faces are not
 * aliased. Holds no native state; thread-safe.
 */
public final class FaceAligner {

    private final ChipTemplate template;

    public FaceAligner() {
        this(ChipTemplate.DLIB_150);
    }

    public FaceAligner(ChipTemplate template) {
        this.template = template;
    }

    public ChipTemplate template() {
        return template;
    }

    /** The least-squares similarity from chip pixels to frame pixels for this face. */
    public SimilarityTransform chipToFrame(FaceLandmarks landmarks) {
        return SimilarityTransform.fit(template.chipPoints(), ChipTemplate.framePoints(landmarks));
    }

    /**
     * How well this face's eye corners and nose fit dlib's template: the root-mean-square distance, in
     * chip pixels, between the template points and the face's points brought onto the chip. The right
     * faces on every fifth frame of the course clips fit within 5.6; the boy turned away in
     * {@code test_5} is at 8.9.
     */
    public double fitResidual(FaceLandmarks landmarks) {
        double[][] chipPoints = template.chipPoints();
        double[][] framePoints = ChipTemplate.framePoints(landmarks);
        SimilarityTransform frameToChip = SimilarityTransform.fit(framePoints, chipPoints);
        double sum = 0;
        for (int i = 0; i < chipPoints.length; i++) {
            double[] onChip = frameToChip.apply(framePoints[i][0], framePoints[i][1]);
            sum += Math.pow(onChip[0] - chipPoints[i][0], 2) + Math.pow(onChip[1] - chipPoints[i][1], 2);
        }
        return Math.sqrt(sum / chipPoints.length);
    }

    /**
     * The chip of one face: a new {@code size × size} 8-bit BGR image the caller closes.
     *
     * @param bgrFrame the frame the landmarks were found in (8-bit, 3 channels)
     */
    public Mat align(Mat bgrFrame, FaceLandmarks landmarks) {
        if (bgrFrame.type() != CV_8UC3) {
            throw new IllegalArgumentException("expected an 8-bit 3-channel frame, got type " + bgrFrame.type());
        }
        double[] map = samplingMap(chipToFrame(landmarks));
        int levels = pyramidLevels(Math.hypot(map[0], map[3]));
        int size = template.size();
        Mat chip = new Mat(size, size, CV_8UC3);
        if (levels == 0) {
            warp(bgrFrame, map, chip);
            return chip;
        }
        Rect region = sourceRegion(map, bgrFrame.cols(), bgrFrame.rows(), 2.0 * (2 << levels));
        if (region == null) {
            try (MatExpr zeros = Mat.zeros(size, size, CV_8UC3); Mat black = zeros.asMat()) {
                black.copyTo(chip); // the chip lies wholly outside the frame: black, as dlib gives
            }
            return chip;
        }
        try (region; Mat crop = new Mat(bgrFrame, region)) {
            Mat reduced = crop;
            int halvings = 0;
            for (; halvings < levels && reduced.cols() > 4 && reduced.rows() > 4; halvings++) {
                Mat next = new Mat();
                pyrDown(reduced, next);
                if (reduced != crop) {
                    reduced.close();
                }
                reduced = next;
            }
            // pyrDown keeps pixel i of the smaller image over pixel 2i of the larger one
            double factor = 1.0 / (1 << halvings);
            double[] local = {
                map[0] * factor, map[1] * factor, (map[2] - region.x()) * factor,
                map[3] * factor, map[4] * factor, (map[5] - region.y()) * factor,
            };
            warp(reduced, local, chip);
            if (reduced != crop) {
                reduced.close();
            }
        }
        return chip;
    }

    /**
     * dlib's chip sampling: the chip's centre pixel sits where the fitted transform puts the chip's
     * centre, and the chip's corner pixels on the corners of a box {@code size × scale} wide, so one
     * chip pixel spans {@code (size·scale − 1)/(size − 1)} frame pixels. Returns the 2×3 matrix taking
     * chip pixels to frame pixels, row-major.
     */
    double[] samplingMap(SimilarityTransform fitted) {
        int size = template.size();
        double[] centre = fitted.apply(size / 2.0, size / 2.0);
        double scale = fitted.scale();
        double step = size > 1 ? (size * scale - 1) / (size - 1) : scale;
        double cos = Math.cos(fitted.angle()) * step;
        double sin = Math.sin(fitted.angle()) * step;
        double half = (size - 1) / 2.0;
        return new double[] {
            cos, -sin, centre[0] - cos * half + sin * half,
            sin, cos, centre[1] - sin * half - cos * half,
        };
    }

    /** How many times dlib halves the image before sampling: while the face is over twice the chip. */
    static int pyramidLevels(double framePixelsPerChipPixel) {
        int levels = 0;
        while (framePixelsPerChipPixel / (1 << (levels + 1)) > 1 && levels < 16) {
            levels++;
        }
        return levels;
    }

    private Rect sourceRegion(double[] map, int width, int height, double margin) {
        int size = template.size();
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int corner = 0; corner < 4; corner++) {
            double u = (corner & 1) * (size - 1), v = (corner >> 1) * (size - 1);
            double x = map[0] * u + map[1] * v + map[2];
            double y = map[3] * u + map[4] * v + map[5];
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        int left = (int) Math.max(0, Math.floor(minX - margin));
        int top = (int) Math.max(0, Math.floor(minY - margin));
        int right = (int) Math.min(width, Math.ceil(maxX + margin) + 1);
        int bottom = (int) Math.min(height, Math.ceil(maxY + margin) + 1);
        if (right - left < 2 || bottom - top < 2) {
            return null;
        }
        return new Rect(left, top, right - left, bottom - top);
    }

    private void warp(Mat source, double[] chipToSource, Mat chip) {
        int size = template.size();
        try (Mat matrix = new Mat(2, 3, CV_64FC1);
                DoubleIndexer values = matrix.createIndexer();
                Size chipSize = new Size(size, size);
                Scalar black = Scalar.all(0)) {
            for (int i = 0; i < 6; i++) {
                values.put(i / 3, i % 3, chipToSource[i]);
            }
            warpAffine(source, chip, matrix, chipSize, INTER_LINEAR | WARP_INVERSE_MAP, BORDER_CONSTANT, black);
        }
    }
}
