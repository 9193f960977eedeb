package org.classroom.cli.face;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.classroom.face.DetectedFace;
import org.classroom.face.FaceDetector;
import org.classroom.face.detect.CascadeDetector;
import org.classroom.face.detect.DetectorPrecision;
import org.classroom.face.detect.SsdMobilenetDetector;
import org.classroom.face.detect.TinyFaceDetector;
import org.classroom.face.engine.FaceEngine;
import org.classroom.face.video.FrameSampler;
import org.classroom.face.video.InvalidVideoException;
import org.classroom.face.video.SampledFrame;
import org.classroom.face.video.SamplingOptions;
import org.classroom.face.weights.TfjsWeights;

/**
 * {@code classroom bench --detectors}: the engine's three detectors (SSD also in floats when it runs in 8 bits) frame by
 * frame on the same clips, against
 * face-api's own way, SSD on the frame padded to a 512×512 square: the faces it finds that each one misses, the faces
 * each finds that it does not, how well their boxes agree, and the time per frame. A face counts as found when one
 * box's centre lies inside the other.
 */
final class DetectorComparison {

    /** face-api's way, which the others are held against. */
    private static final String REFERENCE = "ssd on a 512 square";

    private final PrintWriter out;

    DetectorComparison(PrintWriter out) {
        this.out = out;
    }

    /** Tally of one detector against SSD. */
    private static final class Tally {
        int missed;
        int extra;
        double iouSum;
        int matched;
        final List<Double> millis = new ArrayList<>();
    }

    void run(List<Path> clips, double everySeconds, double minScore) throws InvalidVideoException {
        FaceEngine.loadNatives();
        Map<String, FaceDetector> detectors = new LinkedHashMap<>();
        TfjsWeights weights = TfjsWeights.load(SsdMobilenetDetector.MODEL);
        // face-api computes in floats
        detectors.put(REFERENCE, new SsdMobilenetDetector(weights, SsdMobilenetDetector.DEFAULT_INPUT_SIZE, minScore,
                DetectorPrecision.FLOAT));
        SsdMobilenetDetector ssd = SsdMobilenetDetector.fitted(weights, SsdMobilenetDetector.DEFAULT_INPUT_SIZE,
                minScore);
        if (ssd.precision() != DetectorPrecision.FLOAT) {
            detectors.put("ssd in float", SsdMobilenetDetector.fitted(weights, SsdMobilenetDetector.DEFAULT_INPUT_SIZE,
                    minScore, DetectorPrecision.FLOAT));
        }
        detectors.put("ssd (" + ssd.precision() + ")", ssd);
        detectors.put("cascade", CascadeDetector.standard(minScore));
        detectors.put("tiny", TinyFaceDetector.fitted(TinyFaceDetector.FITTED_LONG_SIDE, minScore));
        Map<String, Tally> tallies = new LinkedHashMap<>();
        detectors.keySet().forEach(name -> tallies.put(name, new Tally()));
        int frames = 0;
        int faces = 0;
        // Every frame the spacing gives, however long the clip: no early stop, no frame budget.
        SamplingOptions sampling = new SamplingOptions(everySeconds, Integer.MAX_VALUE, false, Double.MAX_VALUE);
        try {
            for (Path clip : clips) {
                try (FrameSampler sampler = FrameSampler.open(clip, sampling)) {
                    for (Optional<SampledFrame> next = sampler.next(); next.isPresent(); next = sampler.next()) {
                        try (SampledFrame frame = next.get()) {
                            frames++;
                            List<DetectedFace> reference = null;
                            for (Map.Entry<String, FaceDetector> detector : detectors.entrySet()) {
                                long start = System.nanoTime();
                                List<DetectedFace> found = detector.getValue().detect(frame.image());
                                Tally tally = tallies.get(detector.getKey());
                                tally.millis.add((System.nanoTime() - start) / 1e6);
                                if (reference == null) {
                                    reference = found;
                                    faces += found.size();
                                } else {
                                    compare(reference, found, tally);
                                }
                            }
                        }
                    }
                }
            }
        } finally {
            detectors.values().forEach(FaceDetector::close);
        }
        report(clips.size(), frames, faces, tallies);
    }

    private static void compare(List<DetectedFace> reference, List<DetectedFace> found, Tally tally) {
        for (DetectedFace expected : reference) {
            Optional<DetectedFace> same = found.stream().filter(face -> sameFace(expected, face)).findFirst();
            if (same.isEmpty()) {
                tally.missed++;
            } else {
                tally.iouSum += expected.iou(same.get());
                tally.matched++;
            }
        }
        tally.extra += (int) found.stream().filter(face -> reference.stream().noneMatch(r -> sameFace(r, face))).count();
    }

    private void report(int clips, int frames, int faces, Map<String, Tally> tallies) {
        out.println("## Detectors frame by frame");
        out.println();
        out.println("Machine: " + MachineInfo.describe());
        out.printf(Locale.ROOT, "%d clip(s), %d frames, %d faces found by %s (face-api's way)%n%n",
                clips, frames, faces, REFERENCE);
        out.println("| detector | median ms per frame | missed (of its faces) | extra (not its faces) | box IoU with its |");
        out.println("|---|---:|---:|---:|---:|");
        tallies.forEach((name, tally) -> out.printf(Locale.ROOT, "| %s | %.1f | %s | %s | %s |%n", name,
                Stats.median(tally.millis), name.equals(REFERENCE) ? "-" : String.valueOf(tally.missed),
                name.equals(REFERENCE) ? "-" : String.valueOf(tally.extra),
                tally.matched == 0 ? "-" : String.format(Locale.ROOT, "%.2f", tally.iouSum / tally.matched)));
        out.println();
        out.println("A face counts as the same when one box's centre lies inside the other.");
        out.flush();
    }

    private static boolean sameFace(DetectedFace a, DetectedFace b) {
        return centreInside(a, b) || centreInside(b, a);
    }

    private static boolean centreInside(DetectedFace face, DetectedFace box) {
        double x = face.x() + face.width() / 2;
        double y = face.y() + face.height() / 2;
        return x >= box.x() && x <= box.x() + box.width() && y >= box.y() && y <= box.y() + box.height();
    }
}
