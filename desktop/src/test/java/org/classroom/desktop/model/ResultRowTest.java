package org.classroom.desktop.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.FrameBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.junit.jupiter.api.Test;

class ResultRowTest {

    private static final FaceBox BOX = new FaceBox(10, 20, 30, 40);

    @Test
    void eachUnknownPersonHasARowOfTheirOwnAfterTheRecognisedOnes() {
        RecognisedPerson floki = new RecognisedPerson("floki", 8, "art", "senior", 0.41, BOX, 12.0,
                List.of(new Appearance(10, 30))).withCrop("crops/l.mp4/e/floki.jpg").withFrame("frames/l.mp4/e/12000-640x360.jpg")
                .withSeenIn(List.of(new FrameBox("frames/l.mp4/e/40000-640x360.jpg", BOX)));
        UnknownPerson first = new UnknownPerson(new FaceBox(1, 2, 3, 4), 40.0, List.of(new Appearance(35, 60)))
                .withCrop("crops/l.mp4/e/unknown-1.jpg");
        UnknownPerson second = new UnknownPerson(null, 90.0, List.of(new Appearance(85, 95)));
        VideoResult result = new VideoResult("l.mp4", ResultStatus.RECOGNISED, List.of(floki), 3, 2, null, "e",
                Map.of(), Instant.now(), List.of(first, second));

        List<ResultRow> rows = ResultRow.of(result, Duration.ofSeconds(3));

        assertThat(rows).extracting(ResultRow::displayName)
                .containsExactly("floki", "Unknown person 1", "Unknown person 2");
        assertThat(rows).extracting(ResultRow::unknown).containsExactly(false, true, true);
        assertThat(rows.get(0).appearances()).containsExactly(new Appearance(10, 30));
        assertThat(rows.get(0).box()).isEqualTo(BOX);
        assertThat(rows.get(1).crop()).isEqualTo("crops/l.mp4/e/unknown-1.jpg");
        assertThat(rows).extracting(ResultRow::frame).containsExactly("frames/l.mp4/e/12000-640x360.jpg", null, null);
        assertThat(rows.get(0).seenIn()).containsExactly(new FrameBox("frames/l.mp4/e/40000-640x360.jpg", BOX));
        assertThat(rows.get(1).frameSeconds()).isEqualTo(40.0);
        assertThat(rows.get(1).name()).as("an unknown person has no student name").isNull();
        assertThat(rows.get(2).crop()).isNull();
        assertThat(rows).allSatisfy(row -> assertThat(row.uploadToResult()).isEqualTo(Duration.ofSeconds(3)));
    }

    @Test
    void aVideoWithNobodyInItKeepsOneRowWithItsReason() {
        List<ResultRow> rows = ResultRow.of(
                VideoResult.failure("broken.mp4", ResultStatus.INVALID_VIDEO, "no video stream", null), null);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.displayName()).isNull();
            assertThat(row.unknown()).isFalse();
            assertThat(row.reason()).isEqualTo("no video stream");
        });
    }
}
