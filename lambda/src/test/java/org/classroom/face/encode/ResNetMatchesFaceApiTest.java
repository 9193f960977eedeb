package org.classroom.face.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** Our OpenCV build of the descriptor net against face-api's own TF.js output on the same image. */
class ResNetMatchesFaceApiTest {

    @Test
    void descriptorEqualsFaceApisToFloatRounding() {
        JsonNode reference = FaceApiReference.read().get("descriptor");
        double[] expected = FaceApiReference.numbers(reference.get("values"));
        double[] actual;
        try (ResNetFaceEncoder encoder = ResNetFaceEncoder.load();
                Mat chip = FaceApiReference.image(reference.get("size").asInt(), reference.get("seed").asLong())) {
            actual = encoder.encode(chip);
        }

        assertThat(actual).hasSameSizeAs(expected);
        double largest = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(actual[i] - expected[i]));
        }
        System.out.printf("descriptor vs face-api: largest difference %.2e, distance %.2e%n", largest,
                CourseFaces.distance(actual, expected));
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("descriptor[%d]", i).isCloseTo(expected[i], within(1e-4));
        }
    }
}
