package org.classroom.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void oneRowPerPersonAndOneForAVideoWithNone() {
        VideoResult two = new VideoResult("two.mp4", ResultStatus.RECOGNISED, List.of(
                RecognisedPerson.of(new Student("president_trump", 5, "physics", "junior"), 0.391, null, 0.0),
                RecognisedPerson.of(Student.unrecorded("bush"), 0.45, null, 0.5)), 2, 0, null, null, null, null);
        VideoResult bad = VideoResult.failure("notes.mp4", ResultStatus.INVALID_VIDEO, "not a video", null);
        StringWriter text = new StringWriter();

        ResultTable.print(List.of(two, bad), new PrintWriter(text));

        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("video").contains("status", "distance");
        assertThat(lines.get(1).split("\\s+")).containsExactly("two.mp4", "recognised", "president_trump", "5", "physics", "junior", "0.3910");
        assertThat(lines.get(2).split("\\s+")).containsExactly("two.mp4", "recognised", "bush", "0.4500");
        assertThat(lines.get(3)).contains("notes.mp4", "invalid-video", "not a video");
    }

    @Test
    void eachPersonRowSaysWhenTheyWereOnScreenUnknownPeopleIncluded() {
        RecognisedPerson biden = new RecognisedPerson("president_biden", 3, "math", "senior", 0.35, null, 20.0,
                List.of(new Appearance(15, 45), new Appearance(725, 880)));
        UnknownPerson stranger = new UnknownPerson(null, 101.0, List.of(new Appearance(100, 112)));
        VideoResult lecture = new VideoResult("lecture.mp4", ResultStatus.RECOGNISED, List.of(biden), 2, 1, null,
                null, null, null, List.of(stranger));
        StringWriter text = new StringWriter();

        ResultTable.print(List.of(lecture), new PrintWriter(text));

        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).endsWith("seen");
        assertThat(lines.get(1)).startsWith("lecture.mp4").contains("president_biden", "0.350")
                .endsWith("0:15–0:45, 12:05–14:40");
        assertThat(lines.get(2).split("\\s+")).containsExactly("lecture.mp4", "recognised", "(unknown)", "1:40–1:52");
        assertThat(lines.get(1).indexOf("0:15")).as("the seen column is aligned").isEqualTo(lines.get(2).indexOf("1:40"));
    }
}
