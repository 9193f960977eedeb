package org.classroom.cli.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.junit.jupiter.api.Test;

class ResultLinesTest {

    @Test
    void clockTimesAreMinutesAndSecondsUnderAnHourAndHoursFromThereOn() {
        assertThat(AppearanceTimes.clock(0)).isEqualTo("0:00");
        assertThat(AppearanceTimes.clock(725.9)).isEqualTo("12:05");
        assertThat(AppearanceTimes.clock(3599)).isEqualTo("59:59");
        assertThat(AppearanceTimes.clock(3723)).isEqualTo("1:02:03");
        assertThat(AppearanceTimes.format(new Appearance(725, 880))).isEqualTo("12:05–14:40");
    }

    @Test
    void aLineShowsEachPersonsAppearancesAndTheUnknownPeople() {
        VideoResult result = new VideoResult("lecture.mp4", ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson("floki", null, null, null, 0.5, new FaceBox(1, 2, 3, 4), 730.0,
                        List.of(new Appearance(725, 880), new Appearance(3700, 3760)))),
                2, 1, null, null, Map.of("total", 12.0), Instant.now(),
                List.of(new UnknownPerson(new FaceBox(1, 2, 3, 4), 40.0, List.of(new Appearance(35, 60)))));
        assertThat(ResultLines.format(result)).startsWith(
                "lecture.mp4  recognised  floki (0.500) 12:05–14:40, 1:01:40–1:02:40  faces 2 (unknown 1) [0:35–1:00]");
    }

    @Test
    void aClipWithoutAppearancesReadsAsBefore() {
        VideoResult result = new VideoResult("test_0.mp4", ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson("floki", null, null, null, 0.5, null, 0.0)), 1, 0, null, null,
                Map.of("total", 12.0), Instant.now());
        assertThat(ResultLines.format(result)).startsWith("test_0.mp4  recognised  floki (0.500)  faces 1 (unknown 0)  ");
    }
}
