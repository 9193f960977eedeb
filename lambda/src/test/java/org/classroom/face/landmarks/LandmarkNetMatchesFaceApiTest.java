package org.classroom.face.landmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.bytedeco.opencv.opencv_core.Mat;
import org.classroom.face.DetectedFace;
import org.classroom.face.FaceLandmarks;
import org.classroom.face.encode.FaceApiReference;
import org.junit.jupiter.api.Test;

/** Our OpenCV build of the landmark net against face-api's own TF.js output on the same image. */
class LandmarkNetMatchesFaceApiTest {

    @Test
    void landmarksEqualFaceApisToFloatRounding() {
        JsonNode reference = FaceApiReference.read().get("landmarks");
        int size = reference.get("size").asInt();
        double[] fractions = FaceApiReference.numbers(reference.get("fractions"));
        FaceLandmarks landmarks;
        try (LandmarkNet68 net = LandmarkNet68.load();
                Mat image = FaceApiReference.image(size, reference.get("seed").asLong())) {
            // the whole image is the face box: no padding, no resizing, so pixels = fractions × size
            landmarks = net.locate(image, new DetectedFace(0, 0, size, size, 1));
        }

        double largest = 0;
        for (int i = 0; i < fractions.length; i++) {
            largest = Math.max(largest, Math.abs(landmarks.points()[i] / size - fractions[i]));
        }
        System.out.printf("landmarks vs face-api: largest difference %.2e of the box%n", largest);
        for (int i = 0; i < fractions.length; i++) {
            assertThat(landmarks.points()[i] / size).as("landmark value %d", i).isCloseTo(fractions[i], within(1e-5));
        }
    }

    /** A tall box: padded to a centred square and resized to 112 the way face-api does it. */
    @Test
    void paddedAndResizedBoxGivesFaceApisPixels() {
        JsonNode reference = FaceApiReference.read().get("paddedLandmarks");
        int height = reference.get("height").asInt();
        int width = reference.get("width").asInt();
        double[] expected = FaceApiReference.numbers(reference.get("pixels"));
        FaceLandmarks landmarks;
        try (LandmarkNet68 net = LandmarkNet68.load();
                Mat image = FaceApiReference.image(height, width, reference.get("seed").asLong())) {
            landmarks = net.locate(image, new DetectedFace(0, 0, width, height, 1));
        }

        double largest = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(landmarks.points()[i] - expected[i]));
        }
        System.out.printf("padded landmarks vs face-api: largest difference %.2e px on a %dx%d box%n", largest,
                width, height);
        for (int i = 0; i < expected.length; i++) {
            assertThat(landmarks.points()[i]).as("landmark value %d", i).isCloseTo(expected[i], within(1e-3));
        }
    }
}
