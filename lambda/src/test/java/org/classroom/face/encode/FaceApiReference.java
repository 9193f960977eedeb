package org.classroom.face.encode;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.classroom.common.format.Json;

/**
 * What face-api itself answered for its landmark and descriptor nets on fixed pseudo-random images
 * ({@code face-api-reference.json}, written by {@code make-face-api-reference.cjs} beside it), and
 * those same images rebuilt here.
 */
public final class FaceApiReference {

    private static final String RESOURCE = "/org/classroom/face/encode/face-api-reference.json";

    private FaceApiReference() {
    }

    public static JsonNode read() {
        try (InputStream in = FaceApiReference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The reference image as an 8-bit BGR Mat: RGB values in row-major order from the MINSTD generator
     * ({@code state = state · 48271 mod (2³¹ − 1)}, value {@code state mod 256}); the caller closes it.
     */
    public static Mat image(int size, long seed) {
        return image(size, size, seed);
    }

    /** As {@link #image(int, long)}, {@code height} rows of {@code width} pixels. */
    public static Mat image(int height, int width, long seed) {
        Mat image = new Mat(height, width, CV_8UC3);
        try (UByteIndexer pixels = image.createIndexer()) {
            long state = seed;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int[] rgb = new int[3];
                    for (int c = 0; c < 3; c++) {
                        state = state * 48271 % 2147483647L;
                        rgb[c] = (int) (state % 256);
                    }
                    pixels.put(y, x, 0, rgb[2]);
                    pixels.put(y, x, 1, rgb[1]);
                    pixels.put(y, x, 2, rgb[0]);
                }
            }
        }
        return image;
    }

    public static double[] numbers(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
