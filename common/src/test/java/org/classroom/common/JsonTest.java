package org.classroom.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.classroom.common.format.Json;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.FrameBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void resultHasTheDesignsShapeAndReadsBack() {
        VideoResult result = new VideoResult("test_0.mp4", ResultStatus.RECOGNISED,
                List.of(RecognisedPerson.of(new Student("president_trump", 5, "physics", "junior"), 0.39,
                        new FaceBox(10, 20, 100, 120), 0.0)),
                1, 0, null, "\"abc\"", Map.of("detect", 68.0), Instant.parse("2026-11-25T00:00:00Z"));
        String json = Json.write(result);
        assertThat(json).startsWith("{\"video\":\"test_0.mp4\",\"status\":\"recognised\",\"people\":[{\"name\":\"president_trump\",\"id\":5,\"major\":\"physics\",\"year\":\"junior\",\"distance\":0.39");
        assertThat(json).contains("\"finishedAt\":\"2026-11-25T00:00:00Z\"").doesNotContain("reason");
        assertThat(Json.readResult(json)).isEqualTo(result);
    }

    @Test
    void appearancesAndUnknownPeopleAreOptionalFields() {
        RecognisedPerson person = new RecognisedPerson("floki", null, null, null, 0.5, new FaceBox(1, 2, 30, 40), 7.0,
                List.of(new Appearance(5.0, 125.0), new Appearance(300.0, 320.5)));
        VideoResult result = new VideoResult("lecture.mp4", ResultStatus.RECOGNISED, List.of(person), 2, 1, null,
                null, Map.of(), Instant.parse("2026-11-25T00:00:00Z"),
                List.of(new UnknownPerson(new FaceBox(3, 4, 50, 60), 40.0, List.of(new Appearance(35.0, 60.0)))));
        String json = Json.write(result);
        assertThat(json).contains("\"appearances\":[{\"from\":5.0,\"to\":125.0},{\"from\":300.0,\"to\":320.5}]")
                .contains("\"unknownPeople\":[{\"box\":{\"x\":3,\"y\":4,\"width\":50,\"height\":60},"
                        + "\"frameSeconds\":40.0,\"appearances\":[{\"from\":35.0,\"to\":60.0}]}]");
        assertThat(Json.readResult(json)).isEqualTo(result);
        assertThat(person.withRecord(new Student("floki", 3, "art", "senior")).appearances()).hasSize(2);

        // A result as older versions wrote it reads back with empty lists, and writes back without them.
        VideoResult old = new VideoResult("test_0.mp4", ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson("floki", null, null, null, 0.5, null, 0.0)), 1, 0, null, null, Map.of(),
                Instant.parse("2026-11-25T00:00:00Z"));
        String oldJson = Json.write(old);
        assertThat(oldJson).doesNotContain("appearances").doesNotContain("unknownPeople");
        assertThat(Json.readResult(oldJson).unknownPeople()).isEmpty();
        assertThat(Json.readResult(oldJson).people().get(0).appearances()).isEmpty();
    }

    @Test
    void theFrameOfABestViewIsAnOptionalFieldOfKnownAndUnknownPeople() {
        RecognisedPerson known = new RecognisedPerson("floki", 3, "art", "senior", 0.5, new FaceBox(1, 2, 30, 40), 7.0,
                List.of(new Appearance(5.0, 9.0)), "crops/a.mp4/e/floki.jpg").withFrame("frames/a.mp4/e/7000-640x480.jpg");
        UnknownPerson unknown = new UnknownPerson(new FaceBox(3, 4, 50, 60), 7.0, List.of(), "crops/a.mp4/e/unknown-1.jpg")
                .withFrame("frames/a.mp4/e/7000-640x480.jpg");
        VideoResult result = new VideoResult("a.mp4", ResultStatus.RECOGNISED, List.of(known), 2, 1, null, "e",
                Map.of(), Instant.parse("2026-11-25T00:00:00Z"), List.of(unknown));

        String json = Json.write(result);

        assertThat(json).contains("\"crop\":\"crops/a.mp4/e/floki.jpg\",\"frame\":\"frames/a.mp4/e/7000-640x480.jpg\"")
                .contains("\"crop\":\"crops/a.mp4/e/unknown-1.jpg\",\"frame\":\"frames/a.mp4/e/7000-640x480.jpg\"");
        assertThat(Json.readResult(json)).isEqualTo(result);
        assertThat(Json.write(result.withPeople(List.of(known.withFrame(null))))).containsOnlyOnce("\"frame\"");
        assertThat(json).doesNotContain("seenIn");
        VideoResult seen = result.withUnknownPeople(List.of(unknown.withSeenIn(List.of(
                new FrameBox("frames/a.mp4/e/9000-640x480.jpg", new FaceBox(5, 6, 70, 80))))));
        assertThat(Json.write(seen)).contains("\"seenIn\":[{\"frame\":\"frames/a.mp4/e/9000-640x480.jpg\","
                + "\"box\":{\"x\":5,\"y\":6,\"width\":70,\"height\":80}}]");
        assertThat(Json.readResult(Json.write(seen))).isEqualTo(seen);
    }

    @Test
    void theUploadsSequencerIsAnOptionalField() {
        VideoResult result = VideoResult.failure("test_0.mp4", ResultStatus.ERROR, "gave up after 3 attempts", "abc")
                .withSequencer("0055AED6DCD90281E5");
        String json = Json.write(result);
        assertThat(json).contains("\"sequencer\":\"0055AED6DCD90281E5\"");
        assertThat(Json.readResult(json)).isEqualTo(result);
        // Results written before the field (results.jsonl lines, stored results) read back without order.
        String older = Json.write(result.withSequencer(null));
        assertThat(older).doesNotContain("sequencer");
        assertThat(Json.readResult(older).sequencer()).isNull();
    }

    @Test
    void theVideosDurationIsAnOptionalField() {
        VideoResult result = VideoResult.failure("lecture.mp4", ResultStatus.ERROR, "gave up", null).withDuration(3600.5);
        String json = Json.write(result);
        assertThat(json).contains("\"durationSeconds\":3600.5");
        assertThat(Json.readResult(json)).isEqualTo(result);
        assertThat(Json.write(result.withDuration(null))).doesNotContain("durationSeconds");
        assertThat(result.withDuration(0.0).durationSeconds()).as("a length the container did not know").isNull();
        assertThat(result.withSequencer("0055").withPeople(List.of()).durationSeconds()).isEqualTo(3600.5);
    }

    @Test
    void statusesUseTheirWireNames() {
        assertThat(Json.write(ResultStatus.UNKNOWN_FACE)).isEqualTo("\"unknown-face\"");
        assertThat(ResultStatus.fromWireName("invalid-video")).isEqualTo(ResultStatus.INVALID_VIDEO);
        assertThatThrownBy(() -> ResultStatus.fromWireName("fine")).hasMessageContaining("unknown result status");
    }

    @Test
    void garbageIsAClearError() {
        assertThatThrownBy(() -> Json.readResult("{not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a video result");
    }
}
