package org.classroom.common.students;

import static org.assertj.core.api.Assertions.assertThat;

import org.classroom.common.format.Json;
import org.classroom.common.model.FaceBox;
import org.junit.jupiter.api.Test;

/** Which faces a "not this student" covers, and its form in the student table. */
class FaceRejectionTest {

    private final FaceRejection trump = new FaceRejection("r1", "president_trump", "test_0.mp4", 0.0,
            new FaceBox(412, 88, 170, 170));

    @Test
    void coversTheSameFaceSeenAFewPixelsApartInTheSameVideo() {
        assertThat(trump.covers("test_0.mp4", new FaceBox(420, 92, 166, 172))).isTrue();
    }

    @Test
    void coversNoFaceElsewhereInTheFrameNorInAnotherVideo() {
        assertThat(trump.covers("test_0.mp4", new FaceBox(900, 88, 170, 170))).isFalse();
        assertThat(trump.covers("test_0.mp4", new FaceBox(412, 88, 60, 60))).as("a small box inside").isFalse();
        assertThat(trump.covers("test_9.mp4", new FaceBox(412, 88, 170, 170))).isFalse();
        assertThat(trump.covers("test_0.mp4", null)).isFalse();
    }

    @Test
    void readsBackFromItsJson() throws Exception {
        String json = Json.write(trump);
        assertThat(json).doesNotContain("covers");
        assertThat(Json.mapper().readValue(json, FaceRejection.class)).isEqualTo(trump);
    }
}
