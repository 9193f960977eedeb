package org.classroom.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.classroom.desktop.testing.Eventually.waitFor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.format.FilmstripIndex;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.FrameBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.DesktopApp;
import org.classroom.desktop.logic.settings.LayoutStore;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.classroom.desktop.logic.upload.UploadJournal;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.testing.FolderUploader;
import org.classroom.desktop.testing.MemoryRoster;
import org.classroom.desktop.testing.SampleFiles;
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

/** The frame view and the timeline below the results table, headless, with frames and a filmstrip in memory. */
@ExtendWith(ApplicationExtension.class)
class SelectionViewsTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);
    private static final String TEST5_FRAME = "frames/test_5.mp4/e5/500-1280x720.jpg";
    private static final String TEST0_FRAME = "frames/test_0.mp4/e0/0-1920x1080.jpg";
    private static final String LECTURE_FRAME = "frames/lecture.mp4/e9/65000-1280x720.jpg";

    private TinyRelay relay;
    private TestBackend backend;
    private MainViewModel model;
    private ExecutorService background;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("desktop-selection-test");
        relay = new TinyRelay("secret");
        SettingsStore settings = new SettingsStore(new ConfigLoader(Map.of(), dir.resolve("config.properties")),
                Map.of("relay.url", relay.url().toString(), "relay.token", "secret"));
        background = DesktopApp.backgroundPool();
        backend = new TestBackend(new FolderUploader(dir.resolve("bucket")), new MemoryRoster(List.of()));
        model = new MainViewModel(backend, settings, new UploadJournal(dir.resolve("uploads.json")),
                Platform::runLater, background);
        MainWindow window = new MainWindow(stage, model, new WindowLayoutViewModel(LayoutStore.inMemory()),
                model.firstRun(Optional.empty()), new ScriptedDialogs(dir.resolve("export.csv"), dir.resolve("x.jpg")));
        window.show(false);
        model.start();
    }

    @AfterEach
    void stop() throws Exception {
        model.close();
        relay.close();
        background.shutdownNow();
    }

    @Test
    void selectingARowShowsItsFrameWithABoxAndANameOnEachFaceInIt(FxRobot robot) throws Exception {
        waitForTheRelay(robot);
        backend.crops().put(TEST5_FRAME, SampleFiles.jpegPicture(640, 360));
        backend.crops().put(TEST0_FRAME, SampleFiles.jpegPicture(640, 360));
        FaceBox diesel = new FaceBox(200, 100, 160, 160);
        FaceBox boy = new FaceBox(900, 150, 120, 120);
        relay.publish(new VideoResult("test_5.mp4", ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson("vin_diesel", 7, "art", "senior", 0.52, diesel, 0.5,
                        List.of(new Appearance(0, 2))).withFrame(TEST5_FRAME)),
                2, 1, null, "e5", Map.of(), Instant.now(),
                List.of(new UnknownPerson(boy, 0.5, List.of(new Appearance(0, 1))).withFrame(TEST5_FRAME))));
        // in test_0, a stranger whose own best view is a later frame was also seen in Trump's
        FaceBox strangerThere = new FaceBox(100, 200, 200, 200);
        relay.publish(new VideoResult("test_0.mp4", ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson("president_trump", 5, "physics", "junior", 0.39,
                        new FaceBox(960, 300, 300, 300), 0.0, List.of(new Appearance(0, 2))).withFrame(TEST0_FRAME)),
                2, 1, null, "e0", Map.of(), Instant.now(), List.of(new UnknownPerson(new FaceBox(1, 1, 90, 90), 1.5,
                        List.of(new Appearance(0, 2))).withFrame("frames/test_0.mp4/e0/1500-1920x1080.jpg")
                        .withSeenIn(List.of(new FrameBox(TEST0_FRAME, strangerThere))))));
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        waitFor("four rows", LIMIT, () -> table.getItems().size() == 4);
        assertThat(robot.lookup("#frameMessage").queryLabeled().getText()).startsWith("Select a row");

        select(robot, table, "Unknown person 1");

        waitFor("the frame", LIMIT, () -> picture(robot).getImage() != null && boxes(robot).size() == 2);
        assertThat(labels(robot)).containsExactlyInAnyOrder("Unknown person 1", "vin_diesel");
        // boxes are in the 1280x720 frame's pixels, drawn over the picture as it is shown
        double shown = picture(robot).getBoundsInParent().getWidth();
        Rectangle selected = boxes(robot).stream().filter(box -> box.getStyleClass().contains("face-box-selected"))
                .findFirst().orElseThrow();
        assertThat(selected.getStyleClass()).contains("face-box-unknown");
        assertThat(selected.getWidth()).isCloseTo(boy.width() * shown / 1280, within(0.5));
        assertThat(selected.getX()).isCloseTo(boy.x() * shown / 1280, within(0.5));
        assertThat(robot.lookup("#frameCaption").queryLabeled().getText()).isEqualTo("test_5.mp4 at 0:00.5");

        select(robot, table, "president_trump");

        waitFor("test_0's frame", LIMIT, () -> labels(robot).contains("president_trump"));
        assertThat(labels(robot)).containsExactlyInAnyOrder("president_trump", "Unknown person 1");
        double shownTest0 = picture(robot).getBoundsInParent().getWidth();
        List<Double> widths = boxes(robot).stream().map(Rectangle::getWidth).sorted().toList();
        assertThat(widths).hasSize(2);
        assertThat(widths.get(0)).as("the stranger's box there").isCloseTo(200 * shownTest0 / 1920, within(0.5));
        assertThat(widths.get(1)).as("Trump's").isCloseTo(300 * shownTest0 / 1920, within(0.5));
        assertThat(backend.crops().reads()).isEqualTo(2);
    }

    @Test
    void theTimelineShowsEachPersonsAppearancesZoomsAndShowsTheFrameAtThePointer(FxRobot robot) throws Exception {
        waitForTheRelay(robot);
        publishLectureWithFilmstrip();
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        waitFor("two rows", LIMIT, () -> table.getItems().size() == 2);

        select(robot, table, "floki");

        waitFor("the lanes", LIMIT, () -> bars(robot).size() == 3);
        assertThat(robot.lookup(".timeline-name").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("floki", "Unknown person 1");
        // the result knows the video up to the end of its last appearance
        assertThat(range(robot)).isEqualTo("0:00–9:00 of 9:00 (1×)");
        // floki's two appearances: 1:00–2:00 and 8:00–9:00, placed in proportion
        List<Rectangle> floki = bars(robot).stream().filter(bar -> bar.getStyleClass().contains("appearance-known"))
                .toList();
        assertThat(floki).hasSize(2);
        assertThat(floki.get(1).getX() - floki.get(0).getX()).isCloseTo(7 * floki.get(0).getWidth(), within(2.0));

        robot.clickOn("#zoomIn");
        robot.clickOn("#zoomIn");

        assertThat(range(robot)).isEqualTo("3:22–5:37 of 9:00 (4×)");
        assertThat(bars(robot)).as("only the stranger's appearance, 4:00–5:00, is in the window").singleElement()
                .satisfies(bar -> assertThat(bar.getStyleClass()).contains("appearance-unknown"));

        Slider slider = robot.lookup("#zoomSlider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(1));
        assertThat(range(robot)).startsWith("0:00–9:00");
        assertThat(bars(robot)).hasSize(3);

        robot.interact(() -> slider.setValue(4));
        assertThat(range(robot)).as("the slider zooms about the middle").isEqualTo("3:22–5:37 of 9:00 (4×)");
        moveOverChart(robot, 0.5);   // 4:30, the middle of the window
        robot.scroll(1, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        // one notch of the wheel is one step of the buttons, about the pointer
        assertThat(model.results().selection().timeline().zoomProperty().get()).isIn(2.0, 8.0);
        assertThat(range(robot)).matches("(2:15–6:45 of 9:00 \\(2×\\)|3:56–5:03 of 9:00 \\(8×\\))");
        robot.interact(() -> slider.setValue(1));

        moveOverChart(robot, 0.105);   // 0:57: the strip's thumbnail at 1:00 is the nearest
        waitFor("the preview", LIMIT, () -> preview(robot).isVisible() && previewImage(robot).getImage() != null);
        assertThat(previewImage(robot).getImage().getWidth()).isEqualTo(160);
        assertThat(robot.lookup("#timelinePreview .label").queryLabeled().getText()).isEqualTo("1:00");

        moveOverChart(robot, 0.9);   // 8:06
        waitFor("the preview of 8:00", LIMIT, () -> "8:00".equals(
                robot.lookup("#timelinePreview .label").queryLabeled().getText()));
        // the strip is read once (index and thumbnails), however often the pointer moves
        assertThat(backend.crops().reads()).isLessThanOrEqualTo(3);
    }

    /** A 10-minute lecture: floki 1:00–2:00 and 8:00–9:00, a stranger 4:00–5:00; a thumbnail every minute. */
    private void publishLectureWithFilmstrip() throws IOException {
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        List<FilmstripIndex.Thumbnail> thumbnails = new ArrayList<>();
        for (int minute = 0; minute <= 10; minute++) {
            byte[] jpeg = SampleFiles.jpegPicture(160, 90);
            thumbnails.add(new FilmstripIndex.Thumbnail(minute * 60.0, images.size(), jpeg.length));
            images.writeBytes(jpeg);
        }
        backend.crops().put("frames/lecture.mp4/e9/strip.jpgs", images.toByteArray());
        backend.crops().put("frames/lecture.mp4/e9/strip.json", new FilmstripIndex(thumbnails).toJson());
        backend.crops().put(LECTURE_FRAME, SampleFiles.jpegPicture(640, 360));
        relay.publish(new VideoResult("lecture.mp4", ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson("floki", 8, "art", "senior", 0.5, new FaceBox(100, 100, 90, 90), 65.0,
                        List.of(new Appearance(60, 120), new Appearance(480, 540))).withFrame(LECTURE_FRAME)),
                2, 1, null, "e9", Map.of(), Instant.now(),
                List.of(new UnknownPerson(new FaceBox(500, 100, 90, 90), 250.0, List.of(new Appearance(240, 300))))));
    }

    private static void moveOverChart(FxRobot robot, double fraction) {
        javafx.scene.Node chart = robot.lookup("#timelineChart").query();
        Bounds bounds = chart.localToScreen(chart.getBoundsInLocal());
        double x = bounds.getMinX() + TimelineChart.NAMES_WIDTH + fraction * (bounds.getWidth() - TimelineChart.NAMES_WIDTH);
        robot.moveTo(new javafx.geometry.Point2D(x, bounds.getMinY() + 10));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Connected before anything is published, as in MainWindowTest: no result races the connection. */
    private static void waitForTheRelay(FxRobot robot) {
        waitFor("the relay connection", LIMIT, () -> robot.lookup("#connectionIndicator").queryLabeled().getText()
                .contains("Relay connected"));
    }

    /** Selects the row of that name as a click would (the table's own selection, which the views follow). */
    private static void select(FxRobot robot, TableView<ResultRow> table, String name) {
        ResultRow row = table.getItems().stream().filter(item -> name.equals(item.displayName())).findFirst()
                .orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(row));
        assertThat(table.getSelectionModel().getSelectedItem().displayName()).isEqualTo(name);
    }

    private static ImageView picture(FxRobot robot) {
        return robot.lookup("#framePicture").queryAs(ImageView.class);
    }

    private static List<Rectangle> boxes(FxRobot robot) {
        return robot.lookup(".face-box").queryAllAs(Rectangle.class).stream().toList();
    }

    private static List<String> labels(FxRobot robot) {
        return robot.lookup(".face-label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static List<Rectangle> bars(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".appearance-bar").queryAllAs(Rectangle.class).stream()
                .sorted(java.util.Comparator.comparingDouble(Rectangle::getX)).toList();
    }

    private static String range(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#timelineRange").queryLabeled().getText();
    }

    private static javafx.scene.Node preview(FxRobot robot) {
        return robot.lookup("#timelinePreview").query();
    }

    private static ImageView previewImage(FxRobot robot) {
        return robot.lookup("#timelinePreview .image-view").queryAs(ImageView.class);
    }
}
