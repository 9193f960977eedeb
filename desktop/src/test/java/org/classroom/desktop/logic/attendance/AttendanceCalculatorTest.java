package org.classroom.desktop.logic.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.model.AttendanceSheet;
import org.classroom.desktop.model.Lecture;
import org.classroom.desktop.model.LectureGrouping;
import org.classroom.desktop.model.Presence;
import org.classroom.desktop.model.StudentAttendance;
import org.junit.jupiter.api.Test;

class AttendanceCalculatorTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Student ADA = new Student("ada", 1, "maths", "senior");
    private static final Student BOB = new Student("bob", 2, "art", "junior");
    private static final Student CY = new Student("cy", 3, "physics", "freshman");

    @Test
    void groupedByVideoEachVideoIsALectureAndTimeOnScreenComesFromTheAppearances() {
        List<VideoResult> results = List.of(
                result("week 10/mon.mp4", "2026-03-02T09:00:00Z", person("ada", 0, 60, 120, 300)),
                result("week 2/mon.mp4", "2026-01-12T09:00:00Z", person("ada", 0, 30), person("bob", 10, 20)));

        AttendanceSheet sheet = AttendanceCalculator.compute(List.of(ADA, BOB, CY), results, LectureGrouping.VIDEO, ZONE);

        assertThat(sheet.lectures()).extracting(Lecture::name).containsExactly("week 2/mon.mp4", "week 10/mon.mp4");
        assertThat(sheet.presentPerLecture()).containsExactly(2, 1);
        StudentAttendance ada = row(sheet, "ada");
        assertThat(ada.lectures()).containsExactly(new Presence(true, 30, true), new Presence(true, 240, true));
        assertThat(ada.attended()).isEqualTo(2);
        assertThat(ada.seconds()).isEqualTo(270);
        assertThat(row(sheet, "bob").lectures()).containsExactly(new Presence(true, 10, true), Presence.ABSENT);
    }

    @Test
    void groupedByFolderTheVideosOfAFolderMakeOneLecture() {
        List<VideoResult> results = List.of(
                result("2026-01-12/part-1.mp4", "2026-01-12T09:00:00Z", person("ada", 0, 50)),
                result("2026-01-12/part-2.mp4", "2026-01-12T10:00:00Z", person("ada", 0, 70), person("bob", 0, 5)),
                result("2026-01-19/all.mp4", "2026-01-19T09:00:00Z", person("bob", 0, 8)),
                result("loose.mp4", "2026-01-20T09:00:00Z", person("cy", 0, 1)));

        AttendanceSheet sheet = AttendanceCalculator.compute(List.of(ADA, BOB, CY), results, LectureGrouping.FOLDER, ZONE);

        assertThat(sheet.lectures()).containsExactly(
                new Lecture("(top level)", List.of("loose.mp4")),
                new Lecture("2026-01-12", List.of("2026-01-12/part-1.mp4", "2026-01-12/part-2.mp4")),
                new Lecture("2026-01-19", List.of("2026-01-19/all.mp4")));
        assertThat(row(sheet, "ada").lectures().get(1)).isEqualTo(new Presence(true, 120, true));
        assertThat(row(sheet, "ada").attended()).isEqualTo(1);
        assertThat(sheet.presentPerLecture()).containsExactly(1, 2, 1);
    }

    @Test
    void groupedByDateTheDayIsTheResultsDayInTheGivenZone() {
        // 23:30 UTC on the 12th is already the 13th in Berlin
        List<VideoResult> results = List.of(
                result("a.mp4", "2026-01-12T23:30:00Z", person("ada", 0, 1)),
                result("b.mp4", "2026-01-13T08:00:00Z", person("bob", 0, 1)),
                result("c.mp4", "2026-01-12T08:00:00Z", person("cy", 0, 1)));

        AttendanceSheet sheet = AttendanceCalculator.compute(List.of(ADA, BOB, CY), results, LectureGrouping.DATE, ZONE);

        assertThat(sheet.lectures()).containsExactly(new Lecture("2026-01-12", List.of("c.mp4")),
                new Lecture("2026-01-13", List.of("a.mp4", "b.mp4")));
    }

    @Test
    void aResultWithoutAppearancesCountsAsPresentUntimed() {
        VideoResult old = new VideoResult("old.mp4", ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson("ada", 1, "maths", "senior", 0.4, null, 0.0)), 1, 0, null, null, Map.of(),
                Instant.parse("2026-01-12T09:00:00Z"));
        VideoResult timed = result("new.mp4", "2026-01-12T10:00:00Z", person("ada", 0, 42));

        AttendanceSheet byVideo = AttendanceCalculator.compute(List.of(ADA), List.of(old, timed), LectureGrouping.VIDEO, ZONE);
        AttendanceSheet byDay = AttendanceCalculator.compute(List.of(ADA), List.of(old, timed), LectureGrouping.DATE, ZONE);

        assertThat(row(byVideo, "ada").lectures()).containsExactly(new Presence(true, 42, true), new Presence(true, 0, false));
        assertThat(row(byVideo, "ada").attended()).isEqualTo(2);
        // one untimed clip makes the lecture's time a lower bound
        assertThat(row(byDay, "ada").lectures()).containsExactly(new Presence(true, 42, false));
    }

    @Test
    void neverSeenStudentsComeFirstAndSomeoneRecognisedButNotInTheRosterIsARow() {
        List<VideoResult> results = List.of(
                result("a.mp4", "2026-01-12T09:00:00Z", person("ada", 0, 1), person("zed", 0, 3)));

        AttendanceSheet sheet = AttendanceCalculator.compute(List.of(CY, BOB, ADA), results, LectureGrouping.VIDEO, ZONE);

        assertThat(sheet.students()).extracting(StudentAttendance::name).containsExactly("bob", "cy", "ada", "zed");
        assertThat(sheet.students()).extracting(StudentAttendance::neverSeen).containsExactly(true, true, false, false);
        assertThat(sheet.neverSeen()).isEqualTo(2);
        StudentAttendance zed = row(sheet, "zed");
        assertThat(zed.inRoster()).isFalse();
        assertThat(zed.student().id()).isEqualTo(99);
        assertThat(row(sheet, "ada").inRoster()).isTrue();
        assertThat(sheet.presentPerLecture()).containsExactly(2);
    }

    @Test
    void failedVideosAndEnrolmentsAreNoLecturesButAVideoWithNobodyIs() {
        VideoResult failed = VideoResult.failure("broken.mp4", ResultStatus.INVALID_VIDEO, "no video stream", null);
        VideoResult error = VideoResult.failure("late.mp4", ResultStatus.ERROR, "timed out", null);
        VideoResult enrolment = result("enrol/ada/me.jpg", "2026-01-12T09:00:00Z", person("ada", 0, 0));
        VideoResult empty = new VideoResult("empty-room.mp4", ResultStatus.NO_FACE, List.of(), 0, 0, null, null, Map.of(),
                Instant.parse("2026-01-12T09:00:00Z"));
        VideoResult strangers = new VideoResult("strangers.mp4", ResultStatus.UNKNOWN_FACE, List.of(), 1, 1, null, null,
                Map.of(), Instant.parse("2026-01-12T09:00:00Z"),
                List.of(new UnknownPerson(null, 0.0, List.of(new Appearance(0, 4)))));

        AttendanceSheet sheet = AttendanceCalculator.compute(List.of(ADA),
                List.of(failed, error, enrolment, empty, strangers), LectureGrouping.VIDEO, ZONE);

        assertThat(sheet.lectures()).extracting(Lecture::name).containsExactly("empty-room.mp4", "strangers.mp4");
        assertThat(row(sheet, "ada").neverSeen()).isTrue();
        assertThat(sheet.presentPerLecture()).containsExactly(0, 0);
    }

    @Test
    void beforeAnyLectureNobodyIsNeverSeen() {
        AttendanceSheet sheet = AttendanceCalculator.compute(List.of(ADA, BOB), List.of(), LectureGrouping.VIDEO, ZONE);

        assertThat(sheet.students()).extracting(StudentAttendance::name).containsExactly("ada", "bob");
        assertThat(sheet.neverSeen()).isZero();
    }

    @Test
    void overlappingAppearancesCountOnce() {
        assertThat(OnScreenTime.seconds(List.of(new Appearance(10, 20), new Appearance(0, 5), new Appearance(15, 30),
                new Appearance(40, 40)))).isCloseTo(25, within(1e-9));
        assertThat(OnScreenTime.seconds(List.of())).isZero();
    }

    @Test
    void lecturesSortNaturally() {
        List<String> names = new java.util.ArrayList<>(List.of("week 10", "Week 9", "week 2", "week 02b", "lecture"));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names).containsExactly("lecture", "week 2", "week 02b", "Week 9", "week 10");
    }

    private static StudentAttendance row(AttendanceSheet sheet, String name) {
        return sheet.students().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** A person on screen over the given from/to pairs. */
    static RecognisedPerson person(String name, double... fromTo) {
        List<Appearance> appearances = new java.util.ArrayList<>();
        for (int i = 0; i < fromTo.length; i += 2) {
            appearances.add(new Appearance(fromTo[i], fromTo[i + 1]));
        }
        Integer id = name.equals("zed") ? 99 : null;
        return new RecognisedPerson(name, id, null, null, 0.4, null, 0.0, appearances);
    }

    static VideoResult result(String video, String finishedAt, RecognisedPerson... people) {
        return new VideoResult(video, ResultStatus.RECOGNISED, List.of(people), people.length, 0, null, null, Map.of(),
                Instant.parse(finishedAt));
    }
}
