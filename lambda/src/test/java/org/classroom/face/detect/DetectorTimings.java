package org.classroom.face.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.bytedeco.opencv.opencv_core.Mat;
import org.classroom.face.FaceDetector;
import org.classroom.face.weights.TfjsWeights;

/**
 * Prints load time and warm time per {@code detect()} call of each detector on the first frame of every
 * course clip. A measurement tool, not a test: timings depend on the machine and its load.
 *
 * <p>Run from {@code /work/main}: {@code mvn -o -q -pl lambda test-compile} then
 * {@code java -cp lambda/target/test-classes:lambda/target/classes:$(deps) org.classroom.face.detect.DetectorTimings}.
 */
public final class DetectorTimings {

    private static final String[] CLIPS = {"test_0", "test_1", "test_2", "test_4", "test_5", "test_6", "test_7",
        "test_8"};
    private static final int WARM_UP = 3;
    private static final int RUNS = 10;

    private DetectorTimings() {
    }

    public static void main(String[] args) throws Exception {
        if (!Frames.available()) {
            System.err.println("course clips not found; set -Dclassroom.samples=DIR");
            return;
        }
        List<Mat> frames = new ArrayList<>();
        for (String clip : CLIPS) {
            frames.add(Frames.first(clip + ".mp4"));
        }
        time("ssd-mobilenet-v1 512", SsdMobilenetDetector::new, frames);
        time("ssd-mobilenet-v1 384", () -> new SsdMobilenetDetector(TfjsWeights.load(SsdMobilenetDetector.MODEL), 384,
                SsdMobilenetDetector.DEFAULT_MIN_SCORE), frames);
        time("tiny-face-detector 416", TinyFaceDetector::new, frames);
        time("tiny-face-detector 320", () -> new TinyFaceDetector(320, TinyFaceDetector.DEFAULT_MIN_SCORE), frames);
        frames.forEach(Mat::close);
    }

    private static void time(String label, Supplier<FaceDetector> factory, List<Mat> frames) {
        long start = System.nanoTime();
        try (FaceDetector detector = factory.get()) {
            double loadMs = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            detector.detect(frames.get(0));
            double firstMs = (System.nanoTime() - start) / 1e6;
            StringBuilder row = new StringBuilder();
            double[] medians = new double[frames.size()];
            for (int f = 0; f < frames.size(); f++) {
                for (int i = 0; i < WARM_UP; i++) {
                    detector.detect(frames.get(f));
                }
                double[] ms = new double[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    long t = System.nanoTime();
                    detector.detect(frames.get(f));
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(ms);
                medians[f] = ms[RUNS / 2];
                row.append(String.format(" %s=%.1f", CLIPS[f], medians[f]));
            }
            Arrays.sort(medians);
            System.out.printf("%-24s load %.0f ms, first detect %.0f ms, warm median %.1f ms (per clip:%s)%n",
                    label, loadMs, firstMs, medians[medians.length / 2], row);
        }
    }
}
