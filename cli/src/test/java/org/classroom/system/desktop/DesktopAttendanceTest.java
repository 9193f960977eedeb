package org.classroom.system.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.classroom.common.aws.AwsClients;
import org.classroom.desktop.model.LectureGrouping;
import org.classroom.desktop.model.Presence;
import org.classroom.desktop.model.StudentAttendance;
import org.classroom.desktop.testing.ScriptedDialogs;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Attendance tab against the real local system (the function runs on the course clips): three
 * clips uploaded into two folders, {@code week-1/} and {@code week-2/}, the way an S3 client puts a
 * term's recordings. Who should be where comes from the course's {@code expected.csv}; the roster is
 * what the sample data provisioned.
 */
class DesktopAttendanceTest extends RealDesktopTest {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    DesktopAttendanceTest() {
        super("desktop-attendance-test", false,
                work -> new ScriptedDialogs(work.resolve("attendance.csv"), null));
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void clipsInTwoFoldersMakeTwoLecturesWithTheRightStudentsPresent(FxRobot robot) throws Exception {
        Map<String, String> expected = expectedNames();
        waitFor("the relay connection", () -> model.results().connected());
        robot.clickOn("#attendanceTab");
        TableView<StudentAttendance> table = robot.lookup("#attendanceTable").queryTableView();
        // the roster: the course's students and the gallery's names without a record, as the table lists them
        waitFor("the roster's students", () -> !model.roster().students().isEmpty()
                && table.getItems().size() == model.roster().students().size());
        int students = table.getItems().size();

        try (AwsClients clients = new AwsClients(system.config()); S3Client s3 = clients.s3()) {
            for (String key : List.of("week-1/test_0.mp4", "week-1/test_1.mp4", "week-2/test_0.mp4", "week-2/test_2.mp4")) {
                s3.putObject(r -> r.bucket(system.config().inputBucket()).key(key),
                        RequestBody.fromFile(samples.resolve("videos").resolve(key.substring(key.indexOf('/') + 1))));
            }
        }
        waitFor("four videos by video", () -> table.getColumns().size() == 4 + 4);

        robot.interact(() -> model.attendance().groupingProperty().set(LectureGrouping.FOLDER));
        waitFor("two lectures by folder", () -> table.getColumns().size() == 4 + 2
                && model.attendance().sheetProperty().get().grouping() == LectureGrouping.FOLDER);

        String both = expected.get("test_0.mp4");
        String firstWeek = expected.get("test_1.mp4");
        String secondWeek = expected.get("test_2.mp4");
        assertThat(present(table, both)).containsExactly(true, true);
        assertThat(present(table, firstWeek)).containsExactly(true, false);
        assertThat(present(table, secondWeek)).containsExactly(false, true);
        // the engine says when each was on screen: a 1-2 s clip, so a few seconds at most per lecture
        assertThat(row(table, both).lectures()).allSatisfy(cell -> {
            assertThat(cell.timed()).isTrue();
            assertThat(cell.seconds()).isBetween(0.0, 3.0);
        });
        assertThat(table.getItems()).as("the roster and nobody else").hasSize(students)
                .allMatch(StudentAttendance::inRoster);
        List<String> neverSeen = table.getItems().stream().filter(StudentAttendance::neverSeen)
                .map(StudentAttendance::name).toList();
        assertThat(neverSeen).hasSize(students - 3).doesNotContain(both, firstWeek, secondWeek);
        assertThat(table.getItems().subList(0, students - 3)).extracting(StudentAttendance::name)
                .as("never-seen students at the top").containsExactlyInAnyOrderElementsOf(neverSeen);
        robot.interact(() -> { });
        assertThat(robot.from(table).lookup(".never-seen").queryAllAs(TableRow.class)).isNotEmpty();

        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = robot.lookup("#attendanceChart").queryAs(BarChart.class);
        XYChart.Series<String, Number> bars = chart.getData().get(0);
        assertThat(bars.getData()).extracting(XYChart.Data::getXValue).containsExactly("week-1", "week-2");
        assertThat(bars.getData()).extracting(d -> d.getYValue().intValue()).containsExactly(2, 2);

        robot.clickOn("#attendanceExportButton");
        Path csv = work.resolve("attendance.csv");
        waitFor("the export", () -> Files.exists(csv));
        assertThat(Files.readAllLines(csv)).hasSize(1 + students).first().asString().endsWith(",week-1,week-2");

        // by date: the four clips were processed today (two days if the test ran over midnight)
        robot.interact(() -> model.attendance().groupingProperty().set(LectureGrouping.DATE));
        waitFor("lectures by date", () -> model.attendance().sheetProperty().get().grouping() == LectureGrouping.DATE);
        var byDate = model.attendance().sheetProperty().get();
        assertThat(byDate.lectures()).hasSizeBetween(1, 2)
                .allSatisfy(lecture -> assertThat(lecture.name()).matches("\\d{4}-\\d{2}-\\d{2}"));
        assertThat(byDate.lectures().stream().mapToInt(lecture -> lecture.videos().size()).sum()).isEqualTo(4);
        if (byDate.lectures().size() == 1) {
            assertThat(byDate.presentPerLecture()).containsExactly(3);
        }
    }

    private static List<Boolean> present(TableView<StudentAttendance> table, String name) {
        return row(table, name).lectures().stream().map(Presence::present).toList();
    }

    private static StudentAttendance row(TableView<StudentAttendance> table, String name) {
        return table.getItems().stream().filter(row -> row.name().equals(name)).findFirst().orElseThrow();
    }

    private Map<String, String> expectedNames() throws IOException {
        Map<String, String> names = new java.util.HashMap<>();
        for (String line : Files.readAllLines(samples.resolve("expected.csv"))) {
            String[] fields = line.split(",", -1);
            if (fields.length > 1 && fields[0].endsWith(".mp4")) {
                names.put(fields[0], fields[1]);
            }
        }
        return names;
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        RealDesktop.waitFor(what, LIMIT, condition);
    }
}
