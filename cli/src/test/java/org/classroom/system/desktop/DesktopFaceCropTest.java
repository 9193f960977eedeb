package org.classroom.system.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.SampleData;
import org.classroom.desktop.DesktopApp;
import org.classroom.desktop.gui.MainWindow;
import org.classroom.desktop.logic.AwsBackend;
import org.classroom.desktop.logic.settings.LayoutStore;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.classroom.desktop.logic.upload.UploadJournal;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.testing.ScriptedDialogs;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.desktop.viewmodel.WindowLayoutViewModel;
import org.classroom.localcloud.iam.StackTemplate;
import org.classroom.localsystem.DemoSystem;
import org.classroom.localsystem.LocalSystem;
import org.classroom.localsystem.LocalSystemOptions;
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
    private ExecutorService background;

    @Start
    void start(Stage stage) throws Exception {
        samples = SampleData.find().orElse(null);
        if (samples == null) {
            return;
        }
        work = Files.createTempDirectory("desktop-crop-test");
        system = LocalSystem.start(new ConfigLoader(Map.of(), work.resolve("none.properties")).load(Map.of()),
                LocalSystemOptions.ephemeral(samples, work.resolve("results"))
                        .withIamTemplate(StackTemplate.find().orElseThrow()));
        SettingsStore settings = new SettingsStore(new ConfigLoader(Map.of(), work.resolve("config.properties")),
                DemoSystem.settingsOf(system.config()));
        background = DesktopApp.backgroundPool();
        model = new MainViewModel(new AwsBackend(), settings, new UploadJournal(work.resolve("uploads.json")),
                Platform::runLater, background);
        new MainWindow(stage, model, new WindowLayoutViewModel(LayoutStore.inMemory()), model.firstRun(Optional.empty()),
                new ScriptedDialogs(work.resolve("export.csv"), work.resolve("face.jpg")))
                .show(false);
        model.start();
    }

    @BeforeEach
    void needsTheCourseData() {
        Assumptions.assumeTrue(samples != null, SampleData.missingMessage());
    }

    @AfterEach
    void stop() {
        if (model != null) {
            model.close();
            background.shutdownNow();
            system.close();
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
        Awaitility.await(what).atMost(LIMIT).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }
}
