package org.classroom.system.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.testing.ScriptedDialogs;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The face column against the real local system (the function runs, and every part is held to its
 * policy in the stack template): a course clip's row shows the crop the function kept, read from the
 * evidence bucket with the desktop's own key. {@link DesktopMustShowTest} publishes its results itself,
 * so it has no crops to show.
 */
class DesktopFaceCropTest extends RealDesktopTest {

    private static final Duration LIMIT = Duration.ofMinutes(2);

    DesktopFaceCropTest() {
        super("desktop-crop-test", true,
                work -> new ScriptedDialogs(work.resolve("export.csv"), work.resolve("face.jpg")));
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
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
