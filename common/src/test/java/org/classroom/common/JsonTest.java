package org.classroom.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.classroom.common.format.Json;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
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
