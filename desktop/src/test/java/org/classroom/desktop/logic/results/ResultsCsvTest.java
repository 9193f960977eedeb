package org.classroom.desktop.logic.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.model.ResultRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {

    @TempDir
    Path dir;

    @Test
    void writesOneLinePerPersonAndOneForAVideoWithNobody() throws Exception {
        VideoResult trump = new VideoResult("test_0.mp4", ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson("president_trump", 5, "physics", "junior", 0.39123, new FaceBox(1, 2, 3, 4), 0.0)),
                1, 0, null, "etag", Map.of(), Instant.now());
        VideoResult broken = VideoResult.failure("bad.mp4", ResultStatus.INVALID_VIDEO, "no video stream, \"moov\" missing", null);
        List<ResultRow> rows = new ArrayList<>(ResultRow.of(trump, Duration.ofMillis(2350)));
        rows.addAll(ResultRow.of(broken, null));
        Path file = dir.resolve("out/results.csv");

        ResultsCsv.write(rows, file);

        assertThat(Files.readAllLines(file)).containsExactly(
                ResultsCsv.HEADER,
                "test_0.mp4,recognised,president_trump,5,physics,junior,0.3912,,2.4",
                "bad.mp4,invalid-video,,,,,,\"no video stream, \"\"moov\"\" missing\",");
    }
}
