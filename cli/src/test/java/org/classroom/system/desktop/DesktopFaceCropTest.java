package org.classroom.system.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.classroom.common.config.SampleData;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.testing.ScriptedDialogs;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.localsystem.LocalSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The face column against the real local system (the function runs, and every part is held to its
 * policy in the stack template): a course clip's row shows the crop the function kept, read from the
 * evidence bucket with the desktop's own key. {@link DesktopMustShowTest} publishes its results itself,
 * so it has no crops to show.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopFaceCropTest {

    static {
        HeadlessFx.use();
    }

    private static final Duration LIMIT = Duration.ofMinutes(2);

    private Path samples;
    private Path work;
    private LocalSystem system;
    private MainViewModel model;
    private RealDesktop desktop;

    @Start
    void start(Stage stage) throws Exception {
        desktop = RealDesktop.open(stage, "desktop-crop-test", true,
                work -> new ScriptedDialogs(work.resolve("export.csv"), work.resolve("face.jpg"))).orElse(null);
        if (desktop != null) {
            samples = desktop.samples();
            work = desktop.work();
            system = desktop.system();
            model = desktop.model();
        }
    }

    @BeforeEach
    void needsTheCourseData() {
        Assumptions.assumeTrue(samples != null, SampleData.missingMessage());
    }

    @AfterEach
    void stop() {
        if (desktop != null) {
            desktop.close();
        }
    }

    @Test
    void aProcessedClipsRowShowsTheFaceCropTheFunctionKept(FxRobot robot) {
        waitFor("the relay connection", () -> robot.lookup("#connectionIndicator").queryLabeled().getText()
                .contains("Relay connected"));

        robot.interact(() -> model.uploads().add(List.of(samples.resolve("videos/test_0.mp4"))));

        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        waitFor("test_0's result", () -> table.getItems().stream().anyMatch(row -> row.video().equals("test_0.mp4")));
        ResultRow row = table.getItems().stream().filter(r -> r.video().equals("test_0.mp4")).findFirst().orElseThrow();
        assertThat(row.name()).isEqualTo("president_trump");
        assertThat(row.crop()).startsWith("crops/test_0.mp4/");
        waitFor("test_0's face", () -> robot.lookup(".face-crop").queryAllAs(ImageView.class).stream()
                .anyMatch(face -> face.getImage() != null && face.getImage().getWidth() > 0));
    }

    @Test
    void theUnnamedBoyOfTest5HasARowOfHisOwnWithHisFace(FxRobot robot) {
        waitFor("the relay connection", () -> robot.lookup("#connectionIndicator").queryLabeled().getText()
                .contains("Relay connected"));

        robot.interact(() -> model.uploads().add(List.of(samples.resolve("videos/test_5.mp4"))));

        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        waitFor("test_5's rows", () -> table.getItems().stream().filter(row -> row.video().equals("test_5.mp4")).count() == 2);
        List<ResultRow> rows = table.getItems().stream().filter(r -> r.video().equals("test_5.mp4")).toList();
        assertThat(rows).extracting(ResultRow::displayName).containsExactly("vin_diesel", "Unknown person 1");
        ResultRow boy = rows.get(1);
        assertThat(boy.unknown()).isTrue();
        assertThat(boy.crop()).startsWith("crops/test_5.mp4/").endsWith("/unknown-1.jpg");
        assertThat(boy.box()).as("where his face was, for the frame view").isNotNull();
        // The rows are in the table's items before its next layout pass draws their cells.
        waitFor("the unknown person's name set apart", () -> !robot.lookup(".unknown-person").queryAll().isEmpty());
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        RealDesktop.waitFor(what, LIMIT, condition);
    }
}
