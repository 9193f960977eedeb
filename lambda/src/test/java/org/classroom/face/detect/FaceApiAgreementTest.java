package org.classroom.face.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.classroom.face.detect.SsdMobilenetDetectorTest.requireSamples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.classroom.face.weights.TfjsWeights;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both detectors against face-api itself: its outputs on the same network-sized squares, recorded by
 * {@code face-api-reference.mjs} (test resources). Every SSD anchor's score and box, and every value of
 * the tiny detector's grid, must agree. Symmetric padding, a wrong anchor order or a wrong input scale
 * all leave plausible detections but break this.
 *
 * <p>The squares come from decoding the clips here, so a different FFmpeg build could shift pixels by
 * one level; the tolerances allow for that and are still far tighter than any of those bugs.
 */
class FaceApiAgreementTest {

    static final String[] CLIPS = {"test_0", "test_5"};
    static final int SSD_SIZE = 512;
    static final int TINY_SIZE = 416;

    private static SsdMobilenetDetector ssd;
    private static TinyFaceDetector tiny;

    @BeforeAll
    static void load() {
        // The port's fidelity, in floats as face-api computes (8 bits: SsdMobilenetDetectorTest).
        ssd = new SsdMobilenetDetector(TfjsWeights.load(SsdMobilenetDetector.MODEL), SSD_SIZE,
                SsdMobilenetDetector.DEFAULT_MIN_SCORE, DetectorPrecision.FLOAT);
        tiny = new TinyFaceDetector(TINY_SIZE, TinyFaceDetector.DEFAULT_MIN_SCORE);
    }

    @AfterAll
    static void close() {
        ssd.close();
        tiny.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"test_0", "test_5"})
    void everySsdAnchorScoresAndBoxesAsFaceApiDoes(String clip) throws Exception {
        requireSamples();
        List<double[]> reference = read("ssd-" + clip + ".txt");
        SsdMobilenetDetector.Predictions ours;
        try (Mat frame = Frames.first(clip + ".mp4"); Mat square = DetectorInput.square(frame, SSD_SIZE).picture(frame)) {
            ours = ssd.predict(square);
        }
        assertThat(reference).hasSize(ours.scores().length);
        int boxes = 0;
        for (double[] row : reference) {
            int anchor = (int) row[0];
            assertThat((double) ours.scores()[anchor]).as("score of anchor %d", anchor)
                    .isCloseTo(row[1], offset(2e-3));
            if (row.length > 2) {
                boxes++;
                float[] box = ours.box(anchor);
                for (int k = 0; k < 4; k++) {
                    assertThat((double) box[k]).as("box of anchor %d", anchor)
                            .isCloseTo(row[2 + k], offset(2e-3));
                }
            }
        }
        assertThat(boxes).as("anchors with a recorded box").isGreaterThan(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"test_0", "test_5"})
    void theTinyDetectorsGridMatchesFaceApis(String clip) throws Exception {
        requireSamples();
        List<double[]> reference = read("tiny-" + clip + ".txt");
        float[] grid;
        try (Mat frame = Frames.first(clip + ".mp4"); Mat square = DetectorInput.square(frame, TINY_SIZE).picture(frame)) {
            grid = tiny.grid(square);
        }
        int cells = (int) Math.round(Math.sqrt(reference.size()));
        int depth = reference.get(0).length;
        assertThat(cells * cells * depth).isEqualTo(grid.length);
        for (int cell = 0; cell < reference.size(); cell++) {
            for (int c = 0; c < depth; c++) {
                // face-api is NHWC (cell, channel); OpenCV gives NCHW (channel, cell)
                assertThat((double) grid[c * cells * cells + cell]).as("cell %d value %d", cell, c)
                        .isCloseTo(reference.get(cell)[c], offset(2e-2));
            }
        }
    }

    private static List<double[]> read(String name) throws IOException {
        try (InputStream in = FaceApiAgreementTest.class.getResourceAsStream(name)) {
            assertThat(in).as("reference file %s", name).isNotNull();
            List<double[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.trim().split(" ");
                double[] row = new double[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    row[i] = Double.parseDouble(fields[i]);
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
