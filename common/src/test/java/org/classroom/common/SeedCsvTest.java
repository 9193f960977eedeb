package org.classroom.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.classroom.common.format.SeedCsv;
import org.classroom.common.format.VideoKeys;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;
import org.junit.jupiter.api.Test;

class SeedCsvTest {

    private static VideoResult result(RecognisedPerson... people) {
        return new VideoResult("test_0.mp4", ResultStatus.RECOGNISED, List.of(people), people.length, 0,
                null, null, Map.of(), Instant.EPOCH);
    }

    @Test
    void oneStudentIsTheSeedsThirtyBytes() {
        Student trump = new Student("president_trump", 5, "physics", "junior");
        String csv = SeedCsv.format(result(RecognisedPerson.of(trump, 0.39, null, null)));
        assertThat(csv).isEqualTo("president_trump,physics,junior");
        assertThat(csv.getBytes(StandardCharsets.UTF_8)).hasSize(30);
    }

    @Test
    void severalStudentsAreLinesAndUnrecordedNamesHaveEmptyFields() {
        String csv = SeedCsv.format(result(
                RecognisedPerson.of(new Student("floki", 4, "history", "junior"), 0.5, null, null),
                RecognisedPerson.of(Student.unrecorded("bush"), 0.4, null, null)));
        assertThat(csv).isEqualTo("floki,history,junior\nbush,,");
    }

    @Test
    void fieldsWithCommasAreQuoted() {
        String csv = SeedCsv.format(result(
                RecognisedPerson.of(new Student("ada", 1, "maths, logic", "senior"), 0.3, null, null)));
        assertThat(csv).isEqualTo("ada,\"maths, logic\",senior");
    }

    @Test
    void nobodyRecognisedIsAnEmptyObject() {
        assertThat(SeedCsv.format(VideoResult.failure("x.mp4", ResultStatus.INVALID_VIDEO, "no video stream", null)))
                .isEmpty();
    }

    @Test
    void outputKeysDropTheExtensionOnly() {
        assertThat(VideoKeys.outputKey("test_0.mp4")).isEqualTo("test_0");
        assertThat(VideoKeys.outputKey("class a/lecture 1.mp4")).isEqualTo("class a/lecture 1");
        assertThat(VideoKeys.outputKey("dir.v2/clip")).isEqualTo("dir.v2/clip");
        assertThat(VideoKeys.outputKey(".hidden")).isEqualTo(".hidden");
        assertThat(VideoKeys.stem("a/b/test_0.mp4")).isEqualTo("test_0");
    }
}
