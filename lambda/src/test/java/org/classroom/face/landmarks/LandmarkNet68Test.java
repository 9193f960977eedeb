package org.classroom.face.landmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.classroom.common.config.SampleData;
import org.classroom.face.DetectedFace;
import org.classroom.face.FaceLandmarks;
import org.classroom.face.encode.CourseFaces;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The landmark net on the first frame of each course clip, faces boxed by the SSD detector. */
class LandmarkNet68Test {

    private static LandmarkNet68 net;

    @BeforeAll
    static void load() {
        net = LandmarkNet68.load();
    }

    @AfterAll
    static void close() {
        net.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"test_0", "test_1", "test_2", "test_4", "test_6", "test_7", "test_8"})
    void landmarksSitOnTheFace(String clip) {
        Optional<Path> samples = SampleData.find();
        Assumptions.assumeTrue(samples.isPresent(), SampleData.missingMessage());
        try (Mat frame = CourseFaces.firstFrame(samples.get().resolve("videos").resolve(clip + ".mp4"))) {
            List<DetectedFace> faces = CourseFaces.faces(frame);
            assertThat(faces).as("faces in the first frame of %s", clip).isNotEmpty();
            DetectedFace face = faces.get(0);

            FaceLandmarks landmarks = net.locate(frame, face);

            // the jaw line may reach past a tight box on a turned head; the eyes and nose may not
            for (int i = 0; i < 68; i++) {
                assertThat(landmarks.x(i)).as("x of point %d", i)
                        .isBetween(face.x() - 0.25 * face.width(), face.x() + 1.25 * face.width());
                assertThat(landmarks.y(i)).as("y of point %d", i)
                        .isBetween(face.y() - 0.25 * face.height(), face.y() + 1.25 * face.height());
            }
            for (int i : new int[] {33, 36, 39, 42, 45}) {
                assertThat(landmarks.x(i)).as("x of point %d", i).isBetween(face.x(), face.x() + face.width());
                assertThat(landmarks.y(i)).as("y of point %d", i).isBetween(face.y(), face.y() + face.height());
            }
            double nose = landmarks.y(33);
            for (int eyeCorner : new int[] {36, 39, 42, 45}) {
                assertThat(landmarks.y(eyeCorner)).as("eye corner %d above the nose", eyeCorner).isLessThan(nose);
            }
            // the image-left eye is left of the image-right eye, each outer corner outside its inner one
            assertThat(landmarks.x(36)).isLessThan(landmarks.x(39));
            assertThat(landmarks.x(39)).isLessThan(landmarks.x(42));
            assertThat(landmarks.x(42)).isLessThan(landmarks.x(45));
            // the chin (8) is below the mouth (57), which is below the nose
            assertThat(landmarks.y(57)).isGreaterThan(nose);
            assertThat(landmarks.y(8)).isGreaterThan(landmarks.y(57));
        }
    }
}
