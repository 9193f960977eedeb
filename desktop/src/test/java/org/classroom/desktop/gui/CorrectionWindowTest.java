package org.classroom.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.DesktopApp;
import org.classroom.desktop.logic.settings.LayoutStore;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.classroom.desktop.logic.upload.UploadJournal;
import org.classroom.desktop.model.CorrectionEntry;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.testing.FolderUploader;
import org.classroom.desktop.testing.MemoryCorrections;
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

/** The corrections of results rows, headless: the menus, the "This is…" dialog, undo, the log and the status bar. */
@ExtendWith(ApplicationExtension.class)
class CorrectionWindowTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);
    private static final FaceBox BOY = new FaceBox(1215, 256, 276, 381);
    private static final FaceBox VIN = new FaceBox(579, 211, 259, 360);

    private Path dir;
    private TinyRelay relay;
    private MemoryRoster roster;
    private TestBackend backend;
    private MainViewModel model;
    private ExecutorService background;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("desktop-correction-test");
        relay = new TinyRelay("secret");
        roster = new MemoryRoster(List.of(new Student("president_trump", 5, "physics", "junior"),
                new Student("mr_bean", 2, "biology", "freshmen")));
        SettingsStore settings = new SettingsStore(new ConfigLoader(Map.of(), dir.resolve("config.properties")),
                Map.of("relay.url", relay.url().toString(), "relay.token", "secret"));
        background = DesktopApp.backgroundPool();
        backend = new TestBackend(new FolderUploader(dir.resolve("bucket")), roster);
        model = new MainViewModel(backend, settings, new UploadJournal(dir.resolve("uploads.json")),
                Platform::runLater, background);
        new MainWindow(stage, model, new WindowLayoutViewModel(LayoutStore.inMemory()), model.firstRun(Optional.empty()),
                new ScriptedDialogs(dir.resolve("export.csv"), SampleFiles.jpeg(dir, "face.jpg"))).show(false);
        model.start();
    }

    @AfterEach
    void stop() throws Exception {
        model.close();
        relay.close();
        background.shutdownNow();
    }

    @Test
    void thisIsFromTheContextMenuEnrolsTheUnknownFaceAsARosterStudentAndTheVideoIsMatchedAgain(FxRobot robot) {
        TableView<ResultRow> table = showTest5(robot);

        openContextMenu(robot, robot.from(table).lookup(".unknown-person").queryLabeled());
        waitFor("the context menu", LIMIT, () -> table.getContextMenu().isShowing());
        robot.clickOn("#contextThisIs");
        ComboBox<Student> choice = robot.lookup("#correctionStudent").queryComboBox();
        assertThat(robot.lookup("#correctionEnrol").query().isDisabled()).as("nobody picked yet").isTrue();
        robot.interact(() -> choice.getSelectionModel().select(new Student("mr_bean", 2, "biology", "freshmen")));
        robot.clickOn("#correctionEnrol");

        MemoryCorrections sent = backend.sentCorrections();
        waitFor("the face sent for enrolment", LIMIT, () -> sent.sentFaces.size() == 1);
        assertThat(sent.sentFaces.get(0)).extracting(MemoryCorrections.SentFace::student,
                MemoryCorrections.SentFace::video, MemoryCorrections.SentFace::box)
                .containsExactly("mr_bean", "test_5.mp4", BOY);
        waitFor("the status while the function enrols", LIMIT,
                () -> correctionStatus(robot).equals("Enrolling Unknown person 1 of test_5.mp4 as mr_bean…"));

        relay.publish(new VideoResult(sent.sentFaces.get(0).key(), ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson("mr_bean", 2, "biology", "freshmen", 0.3, null, null)), 1, 0,
                "enrolled a face of mr_bean (2 encodings now)", null, Map.of(), Instant.now()));
        waitFor("the video matched again", LIMIT, () -> sent.matchedAgain.contains("test_5.mp4"));
        assertThat(correctionStatus(robot)).isEqualTo("Enrolled mr_bean; matching 1 video again…");

        relay.publish(test5(List.of(person("vin_diesel", VIN), person("mr_bean", BOY)), List.of()));
        waitFor("the status when it is done", LIMIT, () -> correctionStatus(robot).equals("Matched 1 video again"));
        assertThat(table.getItems()).extracting(ResultRow::displayName).containsExactly("vin_diesel", "mr_bean");
    }

    @Test
    void aStudentCreatedInTheDialogIsSavedToTheRosterBeforeTheFaceIsSent(FxRobot robot) {
        TableView<ResultRow> table = showTest5(robot);
        robot.interact(() -> {
            table.getSelectionModel().select(1);
            table.requestFocus();
        });

        robot.push(KeyCode.CONTROL, KeyCode.I);
        robot.clickOn("#correctionNewStudent");
        robot.clickOn("#studentName").write("new_boy");
        robot.clickOn("#studentId").write("9");
        robot.clickOn("Save");
        ComboBox<Student> choice = robot.lookup("#correctionStudent").queryComboBox();
        assertThat(choice.getValue()).isEqualTo(new Student("new_boy", 9, null, null));
        robot.clickOn("#correctionEnrol");

        waitFor("the face sent", LIMIT, () -> backend.sentCorrections().sentFaces.size() == 1);
        assertThat(roster.list()).contains(new Student("new_boy", 9, null, null));
        assertThat(backend.sentCorrections().sentFaces.get(0).student()).isEqualTo("new_boy");
    }

    @Test
    void notThisStudentFromTheContextMenuRecordsTheWrongMatch(FxRobot robot) {
        TableView<ResultRow> table = showTest5(robot);

        openContextMenu(robot, robot.from(table).lookup((Node node) -> node instanceof TableCell<?, ?> cell
                && "vin_diesel".equals(cell.getText())).query());
        waitFor("the context menu", LIMIT, () -> table.getContextMenu().isShowing());
        robot.clickOn("#contextNotThisStudent");

        MemoryCorrections sent = backend.sentCorrections();
        waitFor("the rejection and the match again", LIMIT, () -> sent.matchedAgain.contains("test_5.mp4"));
        assertThat(sent.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.student()).isEqualTo("vin_diesel");
            assertThat(rejection.box()).isEqualTo(VIN);
        });
        relay.publish(test5(List.of(), List.of(new UnknownPerson(BOY, 0.0, List.of()), new UnknownPerson(VIN, 0.5, List.of()))));
        waitFor("the status when it is done", LIMIT, () -> correctionStatus(robot).equals("Matched 1 video again"));
    }

    @Test
    void ctrlZUndoesTheLastCorrectionAndTheLogListsEachOne(FxRobot robot) throws Exception {
        TableView<ResultRow> table = showTest5(robot);
        robot.interact(() -> {
            table.getSelectionModel().select(0);
            table.requestFocus();
        });
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I);
        MemoryCorrections sent = backend.sentCorrections();
        waitFor("the rejection", LIMIT, () -> sent.rejections.size() == 1 && sent.matchedAgain.size() == 1);
        waitFor("the undo offered", LIMIT, () -> model.corrections().canUndoProperty().get());
        assertThat(model.corrections().undoTextProperty().get()).isEqualTo("Undo Not this student vin_diesel");

        robot.push(KeyCode.CONTROL, KeyCode.Z);

        waitFor("the rejection taken back and the video matched again", LIMIT,
                () -> sent.rejections.isEmpty() && sent.matchedAgain.size() == 2);
        waitFor("the status", LIMIT, () -> correctionStatus(robot)
                .equals("Undid: Not this student vin_diesel (vin_diesel in test_5.mp4); matching 1 video again…"));

        robot.push(KeyCode.CONTROL, KeyCode.L);
        TableView<CorrectionEntry> log = robot.lookup("#correctionsLog").queryTableView();
        assertThat(log.getItems()).extracting(CorrectionEntry::what, CorrectionEntry::video, CorrectionEntry::student)
                .containsExactly(tuple("Not this student", "test_5.mp4", "vin_diesel"),
                        tuple("Undo: Not this student", "test_5.mp4", "vin_diesel"));
        robot.clickOn("Close");
        waitFor("the log written", LIMIT, () -> lines(dir.resolve("corrections.jsonl")) == 2);
    }

    @Test
    void theCorrectionsApplyOnlyWhereTheyMakeSense(FxRobot robot) {
        TableView<ResultRow> table = showTest5(robot);
        relay.publish(VideoResult.failure("broken.mp4", ResultStatus.INVALID_VIDEO, "no video stream", null));
        waitFor("three rows", LIMIT, () -> table.getItems().size() == 3);
        List<MenuItem> items = table.getContextMenu().getItems();

        robot.interact(() -> table.getSelectionModel().select(2));
        assertThat(items).allMatch(MenuItem::isDisable);
        robot.interact(() -> table.getSelectionModel().select(1));
        assertThat(items).extracting(MenuItem::getText, MenuItem::isDisable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("_This is…", false),
                        org.assertj.core.groups.Tuple.tuple("_Not this student", true));
        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(items).noneMatch(MenuItem::isDisable);
    }

    private TableView<ResultRow> showTest5(FxRobot robot) {
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        waitFor("the relay connection", LIMIT,
                () -> robot.lookup("#connectionIndicator").queryLabeled().getText().contains("Relay connected"));
        relay.publish(test5(List.of(person("vin_diesel", VIN)), List.of(new UnknownPerson(BOY, 0.0, List.of()))));
        waitFor("test_5's rows", LIMIT, () -> table.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    /**
     * Selects the row with a click and asks for its context menu as a right click does (the headless platform
     * turns a right click into no menu request of its own).
     */
    private static void openContextMenu(FxRobot robot, Node cell) {
        robot.clickOn(cell);
        robot.interact(() -> {
            Bounds bounds = cell.localToScreen(cell.getBoundsInLocal());
            cell.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, bounds.getMinX() + 5,
                    bounds.getMinY() + 5, false, null));
        });
    }

    private static RecognisedPerson person(String name, FaceBox box) {
        return new RecognisedPerson(name, null, null, null, 0.5, box, 0.5);
    }

    private static VideoResult test5(List<RecognisedPerson> people, List<UnknownPerson> unknown) {
        return new VideoResult("test_5.mp4", people.isEmpty() ? ResultStatus.UNKNOWN_FACE : ResultStatus.RECOGNISED,
                people, people.size() + unknown.size(), unknown.size(), null, null, Map.of(), Instant.now(), unknown);
    }

    private static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static String correctionStatus(FxRobot robot) {
        return robot.lookup("#correctionStatus").queryLabeled().getText();
    }
}
