package org.classroom.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classroom.desktop.testing.Eventually.waitFor;

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
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.DesktopApp;
import org.classroom.desktop.logic.results.ResultsCsv;
import org.classroom.desktop.logic.settings.LayoutStore;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.classroom.desktop.logic.upload.UploadJournal;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.testing.Drops;
import org.classroom.desktop.testing.FolderUploader;
import org.classroom.desktop.testing.MemoryRoster;
import org.classroom.desktop.testing.SampleFiles;
import org.classroom.desktop.testing.ScriptedDialogs;
import org.classroom.desktop.testing.TestBackend;
import org.classroom.desktop.testing.TinyRelay;
import org.classroom.desktop.viewmodel.FaceCrops;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.desktop.viewmodel.UploadRowViewModel;
import org.classroom.desktop.viewmodel.WindowLayoutViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window, headless, against a folder "bucket", a tiny relay on a real socket and a roster in memory. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    private Path dir;
    private TinyRelay relay;
    private FolderUploader bucket;
    private MemoryRoster roster;
    private TestBackend backend;
    private MainViewModel model;
    private ExecutorService background;
    private Path exportTarget;
    private Path enrolmentPhoto;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("desktop-window-test");
        relay = new TinyRelay("secret");
        bucket = new FolderUploader(dir.resolve("bucket"));
        roster = new MemoryRoster(List.of(new Student("president_trump", 5, "physics", "junior"),
                new Student("mr_bean", 2, "biology", "freshmen")));
        exportTarget = dir.resolve("export/results.csv");
        enrolmentPhoto = SampleFiles.jpeg(dir, "face.jpg");
        SettingsStore settings = new SettingsStore(new ConfigLoader(Map.of(), dir.resolve("config.properties")),
                Map.of("relay.url", relay.url().toString(), "relay.token", "secret"));
        background = DesktopApp.backgroundPool();
        backend = new TestBackend(bucket, roster);
        model = new MainViewModel(backend, settings, new UploadJournal(dir.resolve("uploads.json")),
                Platform::runLater, background);
        MainWindow window = new MainWindow(stage, model, new WindowLayoutViewModel(LayoutStore.inMemory()),
                model.firstRun(Optional.empty()), new ScriptedDialogs(exportTarget, enrolmentPhoto));
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
    void droppedClipsAreUploadedOnceAndARenamedPhotoIsRefusedWithItsReason(FxRobot robot) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            files.add(SampleFiles.mp4(dir.resolve("clips"), "test_" + i + ".mp4", 300 + i));
        }
        files.add(SampleFiles.jpeg(dir.resolve("clips"), "holiday.mp4"));
        files.add(files.get(0));

        robot.interact(() -> assertThat(Drops.drop(robot.lookup("#dropZone").query(), files)).isTrue());

        waitFor("3 objects in the bucket", LIMIT, () -> count(bucket.folder()) == 3);
        ListView<UploadRowViewModel> list = robot.lookup("#uploadsList").queryListView();
        waitFor("every upload done", LIMIT, () -> list.getItems().stream()
                .filter(r -> !r.refusedProperty().get()).allMatch(r -> "uploaded".equals(r.stateProperty().get())));
        assertThat(list.getItems()).hasSize(4);
        assertThat(list.getItems()).filteredOn(r -> r.refusedProperty().get()).singleElement().satisfies(row -> {
            assertThat(row.nameProperty().get()).isEqualTo("holiday.mp4");
            assertThat(row.reasonProperty().get()).contains("not an MP4 video: it is a JPEG image");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".upload-detail").queryAllAs(Label.class))
                .anyMatch(label -> label.getText().contains("it is a JPEG image") && label.isVisible());
        assertThat(robot.lookup("#uploadsNotice").queryLabeled().getText())
                .contains("3 videos queued").contains("1 file refused").contains("1 already added");
    }

    @Test
    void resultsFromTheRelayStreamFillTheTableAndExportWritesThem(FxRobot robot) throws Exception {
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        assertThat(robot.lookup("#emptyState").queryLabeled().getText()).startsWith("No results yet");
        waitFor("the relay connection", LIMIT, () -> indicator(robot).contains("Relay connected"));

        relay.publish(result("test_0.mp4", "president_trump", 5, "physics", "junior", 0.39));
        relay.publish(result("test_1.mp4", "mr_bean", 2, "biology", "freshmen", 0.45));
        relay.publish(VideoResult.failure("broken.mp4", ResultStatus.INVALID_VIDEO, "no video stream", null));
        waitFor("three rows", LIMIT, () -> table.getItems().size() == 3);

        assertThat(table.getItems()).extracting(ResultRow::video, ResultRow::status, ResultRow::name, ResultRow::id,
                ResultRow::major, ResultRow::year, ResultRow::distance).containsExactly(
                org.assertj.core.groups.Tuple.tuple("test_0.mp4", "recognised", "president_trump", 5, "physics", "junior", 0.39),
                org.assertj.core.groups.Tuple.tuple("test_1.mp4", "recognised", "mr_bean", 2, "biology", "freshmen", 0.45),
                org.assertj.core.groups.Tuple.tuple("broken.mp4", "invalid-video", null, null, null, null, null));

        robot.clickOn("#filterField").write("bean");
        waitFor("the filter", LIMIT, () -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).name()).isEqualTo("mr_bean");
        robot.interact(() -> robot.lookup("#filterField").queryTextInputControl().clear());
        waitFor("the filter cleared", LIMIT, () -> table.getItems().size() == 3);

        robot.clickOn("#exportButton");
        waitFor("the export", LIMIT, () -> Files.exists(exportTarget));
        List<String> lines = Files.readAllLines(exportTarget);
        assertThat(lines).containsExactly(ResultsCsv.HEADER,
                "test_0.mp4,recognised,president_trump,5,physics,junior,0.3900,,",
                "test_1.mp4,recognised,mr_bean,2,biology,freshmen,0.4500,,",
                "broken.mp4,invalid-video,,,,,,no video stream,");

        // Sorting by a column sorts the rows shown (and what an export writes).
        robot.interact(() -> table.getSortOrder().setAll(table.getColumns().get(0)));
        assertThat(table.getItems()).extracting(ResultRow::video).containsExactly("broken.mp4", "test_0.mp4", "test_1.mp4");
    }

    @Test
    void aRowWithACropShowsItsFaceAndARowWhoseCropIsMissingStaysEmpty(FxRobot robot) throws Exception {
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        waitFor("the relay connection", LIMIT, () -> indicator(robot).contains("Relay connected"));
        String trumpCrop = "crops/test_0.mp4/e1/president_trump.jpg";
        String strangerCrop = "crops/test_5.mp4/e5/unknown-1.jpg";
        backend.crops().put(trumpCrop, SampleFiles.jpegPicture(80, 100));
        backend.crops().put(strangerCrop, SampleFiles.jpegPicture(120, 120));

        relay.publish(withCrop(result("test_0.mp4", "president_trump", 5, "physics", "junior", 0.39), trumpCrop));
        relay.publish(withCrop(result("test_1.mp4", "mr_bean", 2, "biology", "freshmen", 0.45),
                "crops/test_1.mp4/e2/mr_bean.jpg"));   // expired: not in the bucket
        relay.publish(new VideoResult("test_5.mp4", ResultStatus.UNKNOWN_FACE, List.of(), 1, 1, null, null, Map.of(),
                Instant.now(), List.of(new UnknownPerson(null, 2.5, List.of()).withCrop(strangerCrop))));
        relay.publish(result("test_2.mp4", "floki", 8, "art", "senior", 0.5));   // an older result: no crop
        waitFor("four rows", LIMIT, () -> table.getItems().size() == 4);

        waitFor("two faces shown", LIMIT, () -> faces(robot).size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(faces(robot)).allSatisfy(face -> {
            assertThat(face.getImage().getHeight()).isEqualTo(FaceCrops.HEIGHT);
            assertThat(face.getImage().getWidth()).isGreaterThan(0);
        });
        assertThat(faces(robot)).extracting(face -> ((FaceCell) face.getParent()).getItem())
                .containsExactlyInAnyOrder(trumpCrop, strangerCrop);
        assertThat(table.getItems()).filteredOn(row -> row.video().equals("test_5.mp4"))
                .extracting(ResultRow::displayName).containsExactly("Unknown person 1");
        // each crop read once, however often its cell is drawn again
        robot.interact(table::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(backend.crops().reads()).isEqualTo(3);
        assertThat(faces(robot)).hasSize(2);
    }

    private static List<ImageView> faces(FxRobot robot) {
        return robot.lookup(".face-crop").queryAllAs(ImageView.class).stream()
                .filter(face -> face.getImage() != null && face.getParent() != null).toList();
    }

    private static VideoResult withCrop(VideoResult result, String crop) {
        return result.withPeople(result.people().stream().map(person -> person.withCrop(crop)).toList());
    }

    @Test
    void aLaterResultForTheSameVideoReplacesItsRows(FxRobot robot) {
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        waitFor("the relay connection", LIMIT, () -> indicator(robot).contains("Relay connected"));

        relay.publish(VideoResult.failure("test_0.mp4", ResultStatus.ERROR, "the function timed out", null));
        waitFor("the error row", LIMIT, () -> table.getItems().size() == 1);
        relay.publish(result("test_0.mp4", "president_trump", 5, "physics", "junior", 0.39));
        waitFor("the new row", LIMIT, () -> table.getItems().size() == 1 && "recognised".equals(table.getItems().get(0).status()));
    }

    @Test
    void aRelayThatGoesAwayShowsAsLostThenConnectedAgain(FxRobot robot) throws Exception {
        waitFor("the relay connection", LIMIT, () -> indicator(robot).contains("Relay connected"));

        relay.stop();
        waitFor("the lost connection", LIMIT, () -> indicator(robot).contains("lost"));
        relay.restart();
        waitFor("the connection back", LIMIT, () -> indicator(robot).contains("Relay connected"));

        relay.publish(result("test_4.mp4", "floki", 8, "art", "senior", 0.55));
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        waitFor("the result after the reconnect", LIMIT, () -> table.getItems().size() == 1);
    }

    @Test
    void theRosterListsStudentsAndShowsTheOutcomeOfAnEnrolment(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        waitFor("the roster tab", LIMIT, () -> tabs.getSelectionModel().getSelectedIndex() == 1);
        TableView<Student> table = robot.lookup("#rosterTable").queryTableView();
        waitFor("the students", LIMIT, () -> table.getItems().size() == 2);
        waitFor("the relay connection", LIMIT, () -> indicator(robot).contains("Relay connected"));

        robot.interact(() -> table.getSelectionModel().select(1));
        robot.clickOn("#enrolButton");
        waitFor("the enrolment upload", LIMIT, () -> roster.enrolmentKeys.contains("enrol/president_trump/face.jpg"));
        waitFor("the waiting message", LIMIT, () -> rosterStatus(robot).contains("waiting for the function"));
        relay.publish(result("enrol/president_trump/face.jpg", "president_trump", 5, "physics", "junior", 0.21));

        waitFor("the enrolment outcome", LIMIT,
                () -> rosterStatus(robot).startsWith("Enrolled president_trump from face.jpg: face added"));
        assertThat(robot.lookup("#resultsTable").queryTableView().getItems()).isEmpty();
    }

    @Test
    void anUploadCanBeCancelledAndRetriedFromItsRow(FxRobot robot) throws Exception {
        bucket.hold = new java.util.concurrent.CountDownLatch(1);
        Path clip = SampleFiles.mp4(dir.resolve("clips"), "slow.mp4", 400);
        robot.interact(() -> Drops.drop(robot.lookup("#dropZone").query(), List.of(clip)));
        ListView<UploadRowViewModel> list = robot.lookup("#uploadsList").queryListView();
        waitFor("the upload", LIMIT, () -> list.getItems().size() == 1
                && "uploading".equals(list.getItems().get(0).stateProperty().get()));

        robot.clickOn(visibleButton(robot, "Cancel"));
        waitFor("the cancel", LIMIT, () -> "cancelled".equals(list.getItems().get(0).stateProperty().get()));
        bucket.hold = new java.util.concurrent.CountDownLatch(0);
        robot.clickOn(visibleButton(robot, "Retry"));

        waitFor("the retried upload", LIMIT, () -> "uploaded".equals(list.getItems().get(0).stateProperty().get()));
        assertThat(Files.mismatch(clip, bucket.folder().resolve("slow.mp4"))).isEqualTo(-1);
    }

    @Test
    void studentsAreAddedEditedAndRemovedThroughTheRosterDialogs(FxRobot robot) {
        robot.clickOn("#rosterTab");
        TableView<Student> table = robot.lookup("#rosterTable").queryTableView();
        waitFor("the students", LIMIT, () -> table.getItems().size() == 2);

        robot.clickOn("#addStudentButton");
        robot.clickOn("#studentName").write("ada_lovelace");
        robot.clickOn("#studentId").write("12");
        robot.clickOn("#studentMajor").write("math");
        robot.clickOn("#studentYear").write("senior");
        robot.clickOn(visibleButton(robot, "Save"));
        waitFor("the new student", LIMIT, () -> table.getItems().size() == 3);
        assertThat(roster.list()).contains(new Student("ada_lovelace", 12, "math", "senior"));

        robot.interact(() -> table.getSelectionModel().select(new Student("ada_lovelace", 12, "math", "senior")));
        robot.clickOn("#editStudentButton");
        robot.doubleClickOn("#studentMajor").eraseText(4).write("computer_science");
        robot.clickOn(visibleButton(robot, "Save"));
        waitFor("the edit", LIMIT, () -> roster.list().contains(new Student("ada_lovelace", 12, "computer_science", "senior")));

        robot.interact(() -> table.getSelectionModel().select(new Student("ada_lovelace", 12, "computer_science", "senior")));
        robot.clickOn("#removeStudentButton");
        robot.clickOn(visibleButton(robot, "OK"));
        waitFor("the removal", LIMIT, () -> table.getItems().size() == 2);
        assertThat(roster.list()).extracting(Student::name).doesNotContain("ada_lovelace");
    }

    /** A showing button with this text, in any window (dialogs are windows of their own). */
    private static javafx.scene.control.Button visibleButton(FxRobot robot, String text) {
        List<javafx.scene.control.Button> found = new ArrayList<>();
        waitFor("a '" + text + "' button", LIMIT, () -> {
            found.clear();
            robot.listWindows().stream().filter(Window::isShowing)
                    .flatMap(w -> robot.from(w.getScene().getRoot()).lookup(".button")
                            .queryAllAs(javafx.scene.control.Button.class).stream())
                    .filter(b -> b.getText() != null && b.getText().replace("_", "").equals(text))
                    .filter(b -> b.isVisible() && b.getScene() != null && b.localToScreen(b.getBoundsInLocal()) != null)
                    .forEach(found::add);
            return !found.isEmpty();
        });
        return found.get(0);
    }

    private static String indicator(FxRobot robot) {
        return robot.lookup("#connectionIndicator").queryLabeled().getText();
    }

    private static String rosterStatus(FxRobot robot) {
        return robot.lookup("#rosterStatus").queryLabeled().getText();
    }

    private static long count(Path folder) {
        try (var files = Files.list(folder)) {
            return files.count();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    static VideoResult result(String video, String name, int id, String major, String year, double distance) {
        return new VideoResult(video, ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson(name, id, major, year, distance, null, 0.0)), 1, 0, null, null, Map.of(),
                Instant.now());
    }
}
