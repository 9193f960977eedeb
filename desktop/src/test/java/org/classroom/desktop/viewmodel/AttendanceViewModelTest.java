package org.classroom.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.logic.attendance.AttendanceCsv;
import org.classroom.desktop.model.AttendanceSheet;
import org.classroom.desktop.model.Lecture;
import org.classroom.desktop.model.LectureGrouping;
import org.classroom.desktop.model.StudentAttendance;
import org.classroom.desktop.testing.SyntheticCourse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attendance view model with both threads in the test's hands: "UI" and "background" tasks wait in
 * queues until the test runs them, so it can see what happens where and in which order.
 */
class AttendanceViewModelTest {

    @TempDir
    Path dir;

    private final Tasks ui = new Tasks();
    private final Tasks background = new Tasks();
    private final ObservableList<Student> roster = FXCollections.observableArrayList(
            new Student("ada", 1, "maths", "senior"), new Student("bob", 2, "art", "junior"));
    private final AttendanceViewModel model = new AttendanceViewModel(ui, background, roster, ZoneOffset.UTC);

    @Test
    void theSheetIsComputedInTheBackgroundAndShownOnlyWhenDone() {
        model.accept(result("week 1/a.mp4", "ada"));

        assertThat(model.sorted()).isEmpty();
        assertThat(model.computingProperty().get()).isTrue();
        assertThat(background.size()).isEqualTo(1);
        assertThat(ui.size()).isZero();

        background.runAll();
        assertThat(model.sorted()).as("nothing shown before the UI thread takes it").isEmpty();
        ui.runAll();

        assertThat(model.sorted()).extracting(StudentAttendance::name).containsExactly("bob", "ada");
        assertThat(model.sheetProperty().get().lectures()).extracting(Lecture::name).containsExactly("week 1/a.mp4");
        assertThat(model.summaryProperty().get()).isEqualTo("2 students × 1 lecture · 1 never seen this term");
        assertThat(model.computingProperty().get()).isFalse();
    }

    @Test
    void changesDuringAComputationAreFoldedIntoOneMoreRun() {
        model.accept(result("week 1/a.mp4", "ada"));
        model.accept(result("week 1/b.mp4", "bob"));
        model.accept(result("week 2/a.mp4", "ada", "bob"));
        model.groupingProperty().set(LectureGrouping.FOLDER);
        assertThat(background.size()).as("one computation at a time").isEqualTo(1);

        background.runAll();
        ui.runAll();
        assertThat(model.sheetProperty().get().lectures()).as("the first run's (stale) sheet").hasSize(1);
        assertThat(model.computingProperty().get()).isTrue();
        assertThat(background.size()).as("one more run for all the changes").isEqualTo(1);

        background.runAll();
        ui.runAll();
        AttendanceSheet sheet = model.sheetProperty().get();
        assertThat(sheet.grouping()).isEqualTo(LectureGrouping.FOLDER);
        assertThat(sheet.lectures()).extracting(Lecture::name).containsExactly("week 1", "week 2");
        assertThat(sheet.presentPerLecture()).containsExactly(2, 2);
        assertThat(model.computingProperty().get()).isFalse();
        assertThat(background.size()).isZero();
    }

    @Test
    void aLaterResultForAVideoReplacesItsEarlierOneAndEnrolmentsAreIgnored() {
        model.accept(result("a.mp4", "ada"));
        model.accept(result("enrol/bob/me.jpg", "bob"));
        settle();
        model.accept(result("a.mp4", "bob"));
        settle();

        assertThat(model.sheetProperty().get().lectures()).extracting(Lecture::name).containsExactly("a.mp4");
        assertThat(model.sorted()).extracting(StudentAttendance::name, StudentAttendance::attended)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ada", 0), org.assertj.core.groups.Tuple.tuple("bob", 1));
    }

    @Test
    void aChangedRosterRecomputes() {
        model.accept(result("a.mp4", "ada"));
        settle();

        roster.add(new Student("cy", 3, "physics", "freshman"));
        assertThat(background.size()).isEqualTo(1);
        settle();

        assertThat(model.sorted()).extracting(StudentAttendance::name).containsExactly("bob", "cy", "ada");
    }

    @Test
    void exportWritesTheRowsAsSortedInTheBackground() throws Exception {
        model.accept(result("a.mp4", "ada"));
        settle();
        model.sorted().setComparator(Comparator.comparing(StudentAttendance::name));
        Path file = dir.resolve("attendance.csv");

        model.export(file);
        assertThat(file).doesNotExist();
        settle();

        assertThat(Files.readAllLines(file)).containsExactly(AttendanceCsv.FIXED_HEADER + ",a.mp4",
                "ada,1,maths,senior,yes,1,0.50,0.50", "bob,2,art,junior,yes,0,0.00,absent");
        assertThat(model.noticeProperty().get()).isEqualTo("Exported 2 students × 1 lectures to " + file);
    }

    @Test
    void twoHundredStudentsByFortyLecturesAreComputedOffTheUiThread() {
        SyntheticCourse course = new SyntheticCourse(200, 40, 546);
        roster.setAll(course.students);
        settle();

        model.acceptAll(course.results);
        assertThat(ui.size()).isZero();
        assertThat(model.sheetProperty().get().lectures()).as("nothing computed on the UI thread").isEmpty();
        assertThat(background.size()).isEqualTo(1);
        settle();

        AttendanceSheet sheet = model.sheetProperty().get();
        assertThat(sheet.lectures()).hasSize(40);
        assertThat(sheet.students()).hasSize(200).allSatisfy(row -> assertThat(row.lectures()).hasSize(40));
        assertThat(sheet.presentPerLecture()).isEqualTo(course.presentPerLecture);
        for (int s = 0; s < 200; s++) {
            String name = course.students.get(s).name();
            StudentAttendance row = sheet.students().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
            assertThat(row.attended()).as(name).isEqualTo(course.attended[s]);
            assertThat(row.seconds()).as(name).isEqualTo(course.seconds[s]);
        }
        assertThat(sheet.students().get(0).name()).as("the never-seen student first").isEqualTo("student_199");
        assertThat(model.summaryProperty().get()).isEqualTo("200 students × 40 lectures · 1 never seen this term");
    }

    @Test
    void aResultArrivingAfterThePoolStoppedChangesNothingAndThrowsNothing() {
        java.util.concurrent.ExecutorService stopped = java.util.concurrent.Executors.newSingleThreadExecutor();
        stopped.shutdown();
        AttendanceViewModel closing = new AttendanceViewModel(ui, stopped, roster, ZoneOffset.UTC);

        closing.accept(result("a.mp4", "ada"));

        assertThat(closing.computingProperty().get()).isFalse();
        assertThat(closing.sorted()).isEmpty();
    }

    /** Runs background and UI tasks until neither has any left. */
    private void settle() {
        while (background.size() + ui.size() > 0) {
            background.runAll();
            ui.runAll();
        }
    }

    private static VideoResult result(String video, String... names) {
        List<RecognisedPerson> people = java.util.Arrays.stream(names)
                .map(n -> new RecognisedPerson(n, null, null, null, 0.4, null, 0.0, List.of(new Appearance(0, 30))))
                .toList();
        return new VideoResult(video, ResultStatus.RECOGNISED, people, people.size(), 0, null, null, Map.of(),
                Instant.parse("2026-01-12T09:00:00Z"));
    }

    /** Tasks that wait until the test runs them. */
    private static final class Tasks implements Executor {
        private final Queue<Runnable> waiting = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            waiting.add(task);
        }

        int size() {
            return waiting.size();
        }

        void runAll() {
            for (int n = waiting.size(); n > 0; n--) {
                waiting.poll().run();
            }
        }
    }
}
