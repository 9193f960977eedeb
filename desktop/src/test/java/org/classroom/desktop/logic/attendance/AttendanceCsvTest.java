package org.classroom.desktop.logic.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classroom.desktop.logic.attendance.AttendanceCalculatorTest.person;
import static org.classroom.desktop.logic.attendance.AttendanceCalculatorTest.result;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.model.AttendanceSheet;
import org.classroom.desktop.model.LectureGrouping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttendanceCsvTest {

    @TempDir
    Path dir;

    @Test
    void oneLinePerStudentWithMinutesPresentOrAbsentPerLecture() throws Exception {
        VideoResult untimed = new VideoResult("week 3, room \"B\"/x.mp4", ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson("ada", 1, "maths", "senior", 0.4, null, 0.0)), 1, 0, null, null, Map.of(),
                Instant.parse("2026-01-26T09:00:00Z"));
        AttendanceSheet sheet = AttendanceCalculator.compute(
                List.of(new Student("ada", 1, "maths", "senior"), new Student("bob", 2, "art, design", "junior")),
                List.of(result("week 1/a.mp4", "2026-01-12T09:00:00Z", person("ada", 0, 90)), untimed,
                        result("week 2/a.mp4", "2026-01-19T09:00:00Z", person("zed", 0, 3))),
                LectureGrouping.FOLDER, ZoneOffset.UTC);
        Path file = dir.resolve("out/attendance.csv");

        AttendanceCsv.write(sheet, file);

        assertThat(Files.readAllLines(file)).containsExactly(
                AttendanceCsv.FIXED_HEADER + ",week 1,week 2,\"week 3, room \"\"B\"\"\"",
                "bob,2,\"art, design\",junior,yes,0,0.00,absent,absent,absent",
                "ada,1,maths,senior,yes,2,1.50,1.50,absent,present",
                "zed,99,,,no,1,0.05,absent,0.05,absent");
    }

    @Test
    void anEmptySheetIsTheHeaderAlone() {
        assertThat(AttendanceCsv.format(AttendanceSheet.empty(LectureGrouping.VIDEO)))
                .isEqualTo(AttendanceCsv.FIXED_HEADER + "\n");
    }
}
