package org.classroom.face.encode;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.classroom.common.format.Json;
import org.classroom.face.DetectedFace;
import org.classroom.face.detect.SsdMobilenetDetector;

/**
 * The course hand-out seen from the face tests: first frames of the clips, their faces, the gallery in
 * {@code encoding.json} and the expected names.
 */
public final class CourseFaces {

    private static SsdMobilenetDetector detector;

    private CourseFaces() {
    }

    /** The first decoded frame of a clip, 8-bit BGR; the caller closes it. */
    public static Mat firstFrame(Path clip) {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Frame frame = grabber.grabImage();
            if (frame == null) {
                throw new IllegalStateException("no picture in " + clip);
            }
            Mat image = converter.convert(frame);
            Mat copy = image.clone();
            grabber.stop();
            return copy;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + clip + ": " + e.getMessage(), e);
        }
    }

    /**
     * The faces in a frame by the project's default detector (SSD MobileNet), best first. One detector
     * serves every test in the JVM; it is never closed, the process ends with the tests.
     */
    public static synchronized List<DetectedFace> faces(Mat bgrFrame) {
        if (detector == null) {
            detector = new SsdMobilenetDetector();
        }
        return detector.detect(bgrFrame);
    }

    /** The course's gallery: name → its one encoding. */
    public static Map<String, double[]> gallery(Path samples) {
        try {
            JsonNode root = Json.mapper().readTree(samples.resolve("encoding.json").toFile());
            Map<String, double[]> gallery = new LinkedHashMap<>();
            for (int i = 0; i < root.get("names").size(); i++) {
                JsonNode numbers = root.get("encodings").get(i);
                double[] encoding = new double[numbers.size()];
                for (int j = 0; j < encoding.length; j++) {
                    encoding[j] = numbers.get(j).asDouble();
                }
                gallery.put(root.get("names").get(i).asText(), encoding);
            }
            return gallery;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The expected student per clip file name, from {@code expected.csv}. */
    public static Map<String, String> expectedNames(Path samples) {
        try {
            Map<String, String> expected = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(samples.resolve("expected.csv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",");
                if (fields.length >= 2) {
                    expected.put(fields[0], fields[1]);
                }
            }
            return expected;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    /** The nearest gallery name and its distance. */
    public static Map.Entry<String, Double> nearest(Map<String, double[]> gallery, double[] encoding) {
        return gallery.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), distance(e.getValue(), encoding)))
                .min(Map.Entry.comparingByValue())
                .orElseThrow();
    }
}
