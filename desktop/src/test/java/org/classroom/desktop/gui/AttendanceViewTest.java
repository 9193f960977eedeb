package org.classroom.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classroom.desktop.testing.Eventually.waitFor;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.classroom.common.model.Student;
import org.classroom.desktop.model.StudentAttendance;
import org.classroom.desktop.testing.SyntheticCourse;
import org.classroom.desktop.viewmodel.AttendanceViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A large course (200 students × 40 lectures) in the attendance view, on the real FX thread. The
 * background work is held at a gate: while it is held, the FX thread must stay free (a computation on
 * it would block there and the test would time out); once released, the table shows every student
 * with only the rows on screen built.
 */
@ExtendWith(ApplicationExtension.class)
class AttendanceViewTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final GatedExecutor background = new GatedExecutor();
    private final ObservableList<Student> roster = FXCollections.observableArrayList();
    private AttendanceViewModel model;
    private AttendanceView view;

    @Start
    void start(Stage stage) {
        model = new AttendanceViewModel(Platform::runLater, background, roster, ZoneOffset.UTC);
        view = new AttendanceView(model);
        stage.setScene(new Scene(view, 1000, 700));
        stage.getScene().getStylesheets().add(MainWindow.class.getResource("desktop.css").toExternalForm());
        stage.show();
    }

    @AfterEach
    void open() {
        background.release();
    }

    @Test
    void aLargeCourseIsComputedOffTheFxThreadAndTheTableBuildsOnlyTheRowsOnScreen(FxRobot robot) {
        SyntheticCourse course = new SyntheticCourse(200, 40, 16);
        robot.interact(() -> {
            roster.setAll(course.students);
            model.acceptAll(course.results);
        });

        // the computation is held: the FX thread goes on handling events, the table waits
        waitFor("the computation to start", LIMIT, () -> background.started.size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.grouping.show());
        robot.interact(() -> view.grouping.hide());
        assertThat(robot.lookup("#attendanceBusy").query().isVisible()).isTrue();
        TableView<StudentAttendance> table = robot.lookup("#attendanceTable").queryTableView();
        assertThat(table.getItems()).isEmpty();

        background.release();
        waitFor("200 students", LIMIT, () -> table.getItems().size() == 200 && table.getColumns().size() == 44);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(background.started).as("computed on a background thread").allMatch(onFx -> !onFx);
        assertThat(robot.lookup("#attendanceBusy").query().isVisible()).isFalse();
        long rowsBuilt = robot.from(table).lookup(".table-row-cell").queryAll().stream().filter(Node::isVisible).count();
        assertThat(rowsBuilt).as("rows built for the screen, not for every student").isBetween(1L, 60L);
        assertThat(table.getItems().get(0).name()).as("the never-seen student first").isEqualTo("student_199");
        assertThat(robot.from(table).lookup(".never-seen").queryAllAs(TableRow.class)).isNotEmpty();

        XYChart.Series<String, Number> bars = view.chart.getData().get(0);
        assertThat(bars.getData()).extracting(d -> d.getYValue().intValue()).isEqualTo(course.presentPerLecture);

        // scrolled to the end, the same few rows now show the last students
        robot.interact(() -> table.scrollTo(199));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> shown = robot.from(table).lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(row -> row.isVisible() && row.getItem() != null)
                .map(row -> ((StudentAttendance) row.getItem()).name()).toList();
        assertThat(shown).contains("student_190").doesNotContain("student_010").hasSizeLessThan(60);
    }

    /** Runs tasks on threads of its own, each waiting at the gate until released; records whether each ran on the FX thread. */
    private static final class GatedExecutor implements Executor {
        final List<Boolean> started = new CopyOnWriteArrayList<>();
        private final CountDownLatch gate = new CountDownLatch(1);

        @Override
        public void execute(Runnable task) {
            Thread thread = new Thread(() -> {
                started.add(Platform.isFxApplicationThread());
                try {
                    if (!gate.await(2, TimeUnit.MINUTES)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    return;
                }
                task.run();
            }, "attendance-test-background");
            thread.setDaemon(true);
            thread.start();
        }

        void release() {
            gate.countDown();
        }
    }
}
