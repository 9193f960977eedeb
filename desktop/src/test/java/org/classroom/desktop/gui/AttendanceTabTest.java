package org.classroom.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classroom.desktop.testing.Eventually.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.DesktopApp;
import org.classroom.desktop.logic.attendance.AttendanceCsv;
import org.classroom.desktop.logic.settings.LayoutStore;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.classroom.desktop.logic.upload.UploadJournal;
import org.classroom.desktop.model.LectureGrouping;
import org.classroom.desktop.model.StudentAttendance;
import org.classroom.desktop.testing.FolderUploader;
import org.classroom.desktop.testing.MemoryRoster;
import org.classroom.desktop.testing.ScriptedDialogs;
import org.classroom.desktop.testing.TestBackend;
import org.classroom.desktop.testing.TinyRelay;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.desktop.viewmodel.WindowLayoutViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Attendance tab of the main window, fed by a tiny relay on a real socket and a roster in memory. */
@ExtendWith(ApplicationExtension.class)
class AttendanceTabTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    private Path dir;
    private TinyRelay relay;
    private MainViewModel model;
    private ExecutorService background;
    private Path exportTarget;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("desktop-attendance-test");
        relay = new TinyRelay("secret");
        MemoryRoster roster = new MemoryRoster(List.of(new Student("president_trump", 5, "physics", "junior"),
                new Student("mr_bean", 2, "biology", "freshmen"), new Student("floki", 8, "art", "senior")));
        exportTarget = dir.resolve("export/attendance.csv");
        SettingsStore settings = new SettingsStore(new ConfigLoader(Map.of(), dir.resolve("config.properties")),
                Map.of("relay.url", relay.url().toString(), "relay.token", "secret"));
        background = DesktopApp.backgroundPool();
        model = new MainViewModel(new TestBackend(new FolderUploader(dir.resolve("bucket")), roster), settings,
                new UploadJournal(dir.resolve("uploads.json")), Platform::runLater, background);
        new MainWindow(stage, model, new WindowLayoutViewModel(LayoutStore.inMemory()), model.firstRun(Optional.empty()),
                new ScriptedDialogs(exportTarget, null)).show(false);
        model.start();
    }

    @AfterEach
    void stop() throws Exception {
        model.close();
        relay.close();
        background.shutdownNow();
    }

    @Test
    void lecturesFromTheRelayFillTheSheetTheChartAndTheExport(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        waitFor("the attendance tab", LIMIT, () -> tabs.getSelectionModel().getSelectedItem().getId().equals("attendanceTab"));
        TableView<StudentAttendance> table = robot.lookup("#attendanceTable").queryTableView();
        waitFor("the roster's students", LIMIT, () -> table.getItems().size() == 3);
        waitFor("the relay connection", LIMIT, () -> model.results().connected());

        relay.publish(lecture("week-1/monday.mp4", person("president_trump", 0, 90), person("mr_bean", 30, 45)));
        relay.publish(lecture("week-1/thursday.mp4", person("president_trump", 0, 30)));
        relay.publish(lecture("week-2/monday.mp4", person("president_trump", 0, 600), person("wolverine", 0, 12)));
        relay.publish(VideoResult.failure("week-2/broken.mp4", ResultStatus.INVALID_VIDEO, "no video stream", null));
        waitFor("three lectures and four students", LIMIT, () -> table.getColumns().size() == 4 + 3
                && table.getItems().size() == 4);

        // by video: floki was never seen and stands out at the top; wolverine is not in the roster
        assertThat(table.getItems()).extracting(StudentAttendance::name)
                .containsExactly("floki", "mr_bean", "president_trump", "wolverine");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rowsStyled(robot, table, AttendanceView.NEVER_SEEN)).containsExactly("floki");
        assertThat(rowsStyled(robot, table, AttendanceView.NOT_IN_ROSTER)).containsExactly("wolverine");
        assertThat(cellTexts(robot, "president_trump")).contains("3 of 3", "12:00", "✓ 1:30", "✓ 0:30", "✓ 10:00");
        assertThat(cellTexts(robot, "floki")).contains("never seen", "—");
        assertThat(bars(robot)).containsExactly(2, 1, 2);

        // by folder: two lectures
        ChoiceBox<?> grouping = robot.lookup("#lectureGrouping").queryAs(ChoiceBox.class);
        robot.clickOn(grouping);
        robot.clickOn(LectureGrouping.FOLDER.label());
        waitFor("two lectures", LIMIT, () -> table.getColumns().size() == 4 + 2);
        assertThat(table.getColumns().subList(4, 6)).extracting(c -> c.getUserData().toString())
                .allMatch(text -> text.contains("week-"));
        assertThat(bars(robot)).containsExactly(2, 2);
        assertThat(cellTexts(robot, "president_trump")).contains("2 of 2", "✓ 2:00", "✓ 10:00");

        // sorted by attendance, most first
        TableColumn<StudentAttendance, ?> attended = table.getColumns().get(2);
        robot.interact(() -> {
            attended.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(attended));
        });
        assertThat(table.getItems()).extracting(StudentAttendance::name).startsWith("president_trump").endsWith("floki");

        robot.clickOn("#attendanceExportButton");
        waitFor("the export", LIMIT, () -> Files.exists(exportTarget));
        assertThat(Files.readAllLines(exportTarget)).containsExactly(
                AttendanceCsv.FIXED_HEADER + ",week-1,week-2",
                "president_trump,5,physics,junior,yes,2,12.00,2.00,10.00",
                "mr_bean,2,biology,freshmen,yes,1,0.25,0.25,absent",
                "wolverine,,,,no,1,0.20,absent,0.20",
                "floki,8,art,senior,yes,0,0.00,absent,absent");
        waitFor("the export notice", LIMIT, () -> robot.lookup("#attendanceNotice").queryLabeled().getText()
                .startsWith("Exported 4 students × 2 lectures"));
    }

    private static List<String> rowsStyled(FxRobot robot, TableView<StudentAttendance> table, String style) {
        return robot.from(table).lookup("." + style).queryAllAs(TableRow.class).stream()
                .filter(row -> row.getItem() != null)
                .map(row -> ((StudentAttendance) row.getItem()).name()).toList();
    }

    /** The texts of the cells in the row of this student. */
    private static List<String> cellTexts(FxRobot robot, String name) {
        TableRow<?> row = robot.lookup("#attendanceTable").lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof StudentAttendance s && s.name().equals(name))
                .findFirst().orElseThrow();
        return robot.from(row).lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(javafx.scene.control.Labeled::getText).filter(t -> t != null).toList();
    }

    private static List<Integer> bars(FxRobot robot) {
        @SuppressWarnings("unchecked")
        BarChart<String, Number> chart = robot.lookup("#attendanceChart").queryAs(BarChart.class);
        XYChart.Series<String, Number> series = chart.getData().get(0);
        return series.getData().stream().map(d -> d.getYValue().intValue()).toList();
    }

    private static RecognisedPerson person(String name, double from, double to) {
        return new RecognisedPerson(name, null, null, null, 0.4, null, from, List.of(new Appearance(from, to)));
    }

    private static VideoResult lecture(String video, RecognisedPerson... people) {
        return new VideoResult(video, ResultStatus.RECOGNISED, List.of(people), people.length, 0, null, null, Map.of(),
                Instant.now());
    }
}
