package org.classroom.system.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.SampleData;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;
import org.classroom.common.students.StudentFile;
import org.classroom.desktop.DesktopApp;
import org.classroom.desktop.gui.MainWindow;
import org.classroom.desktop.logic.AwsBackend;
import org.classroom.desktop.logic.settings.LayoutStore;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.classroom.desktop.logic.upload.UploadJournal;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.testing.Drops;
import org.classroom.desktop.testing.ScriptedDialogs;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.desktop.viewmodel.UploadRowViewModel;
import org.classroom.desktop.viewmodel.WindowLayoutViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The desktop's "must show", headless (Monocle), against the local cloud and the relay: the course's
 * clips dropped with a renamed JPEG, results arriving on the relay's stream, the CSV export, a relay
 * that goes away and comes back, and the roster from the student table.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopMustShowTest {

    static {
        HeadlessFx.use();
    }

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(50);

    private Path samples;
    private Path work;
    private DesktopCloud cloud;
    private MainViewModel model;
    private ExecutorService background;
    private Path exportTarget;
    private Path photo;

    @Start
    void start(Stage stage) throws Exception {
        samples = SampleData.find().orElse(null);
        if (samples == null) {
            return;
        }
        work = Files.createTempDirectory("desktop-system-test");
        cloud = new DesktopCloud(work.resolve("results"), StudentFile.read(samples.resolve("student_data.json")));
        exportTarget = work.resolve("export/results.csv");
        photo = jpeg(work.resolve("face.jpg"));
        SettingsStore settings = new SettingsStore(new ConfigLoader(Map.of(), work.resolve("config.properties")),
                Map.of("endpoint", cloud.cloud.endpoint().toString(), "relay.url", cloud.relayUrl().toString(),
                        "relay.token", DesktopCloud.TOKEN));
        background = DesktopApp.backgroundPool();
        model = new MainViewModel(new AwsBackend(), settings, new UploadJournal(work.resolve("uploads.json")),
                Platform::runLater, background);
        new MainWindow(stage, model, new WindowLayoutViewModel(LayoutStore.inMemory()), model.firstRun(Optional.empty()),
                new ScriptedDialogs(exportTarget, photo))
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
            cloud.close();
        }
    }

    @Test
    void theCourseClipsAreUploadedTheJpegRefusedAndTheirResultsShownAndExported(FxRobot robot) throws Exception {
        List<Path> clips;
        try (Stream<Path> files = Files.list(samples.resolve("videos"))) {
            clips = files.filter(f -> f.toString().endsWith(".mp4")).sorted().toList();
        }
        assertThat(clips).hasSize(8);
        List<Path> dropped = new ArrayList<>(clips);
        dropped.add(jpeg(work.resolve("renamed/holiday.mp4")));
        waitFor("the relay connection", () -> indicator(robot).contains("Relay connected"));

        robot.interact(() -> Drops.drop(robot.lookup("#dropZone").query(), dropped));

        waitFor("8 objects in the input bucket", () -> cloud.inputObjects().size() == 8);
        Map<String, Long> objects = cloud.inputObjects().stream().collect(Collectors.toMap(S3Object::key, S3Object::size));
        for (Path clip : clips) {
            assertThat(objects).containsEntry(clip.getFileName().toString(), Files.size(clip));
        }
        ListView<UploadRowViewModel> uploads = robot.lookup("#uploadsList").queryListView();
        waitFor("8 uploads done", () -> uploads.getItems().stream()
                .filter(r -> "uploaded".equals(r.stateProperty().get())).count() == 8);
        assertThat(uploads.getItems()).filteredOn(r -> r.refusedProperty().get()).singleElement().satisfies(row -> {
            assertThat(row.nameProperty().get()).isEqualTo("holiday.mp4");
            assertThat(row.detailProperty().get()).contains("is not an MP4 video: it is a JPEG image");
        });

        List<String[]> expected = expected();
        for (String[] line : expected) {
            cloud.publish(new VideoResult(line[0], ResultStatus.RECOGNISED,
                    List.of(new RecognisedPerson(line[1], Integer.valueOf(line[2]), line[3], line[4], 0.4, null, 0.0)),
                    1, 0, null, null, Map.of(), Instant.now()));
        }
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        waitFor("8 rows", () -> table.getItems().size() == 8);
        for (String[] line : expected) {
            assertThat(table.getItems()).filteredOn(row -> row.video().equals(line[0])).singleElement().satisfies(row -> {
                assertThat(row.status()).isEqualTo("recognised");
                assertThat(row.name()).isEqualTo(line[1]);
                assertThat(row.id()).isEqualTo(Integer.valueOf(line[2]));
                assertThat(row.major()).isEqualTo(line[3]);
                assertThat(row.year()).isEqualTo(line[4]);
                assertThat(row.uploadToResult()).isNotNull().isPositive();
            });
        }

        robot.clickOn("#exportButton");
        waitFor("the export", () -> Files.exists(exportTarget));
        List<String> csv = Files.readAllLines(exportTarget);
        assertThat(csv.get(0)).isEqualTo("video,status,name,id,major,year,distance,reason,seconds_to_result");
        assertThat(csv.subList(1, csv.size()).stream().map(l -> l.split(",", -1))
                .map(f -> String.join(",", f[0], f[2], f[3], f[4], f[5])).toList())
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(l -> String.join(",", l)).toList());
    }

    @Test
    void aRelayThatGoesAwayShowsAsLostThenReconnectsAndStreamsAgain(FxRobot robot) throws Exception {
        waitFor("the relay connection", () -> indicator(robot).contains("Relay connected"));

        cloud.stopRelay();
        waitFor("the lost connection", () -> indicator(robot).contains("lost"));
        cloud.restartRelay();
        waitFor("the connection back", () -> indicator(robot).contains("Relay connected"));

        cloud.publish(VideoResult.failure("late.mp4", ResultStatus.INVALID_VIDEO, "no video stream", null));
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        waitFor("the result after the reconnect", () -> table.getItems().stream().anyMatch(r -> r.video().equals("late.mp4")));
    }

    @Test
    void theRosterComesFromTheStudentTableAndAnEnrolmentShowsItsOutcome(FxRobot robot) {
        robot.clickOn("#rosterTab");
        TableView<Student> table = robot.lookup("#rosterTable").queryTableView();
        waitFor("the 8 students", () -> table.getItems().size() == 8);
        assertThat(table.getItems()).extracting(Student::name).contains("president_trump", "mr_bean", "floki");
        waitFor("the relay connection", () -> indicator(robot).contains("Relay connected"));

        robot.interact(() -> table.getSelectionModel().select(
                table.getItems().stream().filter(s -> s.name().equals("president_trump")).findFirst().orElseThrow()));
        robot.clickOn("#enrolButton");
        waitFor("the enrolment object", () -> cloud.inputObjects().stream()
                .anyMatch(o -> o.key().equals("enrol/president_trump/face.jpg")));
        cloud.publish(VideoResult.failure("enrol/president_trump/face.jpg", ResultStatus.INVALID_VIDEO,
                "no face found in the photo", null));

        waitFor("the enrolment outcome", () -> robot.lookup("#rosterStatus").queryLabeled().getText()
                .equals("Enrolment of president_trump from face.jpg failed: no face found in the photo"));
    }

    private List<String[]> expected() throws Exception {
        return Files.readAllLines(samples.resolve("expected.csv")).stream().skip(1)
                .filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
    }

    private static String indicator(FxRobot robot) {
        return robot.lookup("#connectionIndicator").queryLabeled().getText();
    }

    private static Path jpeg(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16,
                'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
    }

    /** Polls on the test thread, which reads the window's controls the way the checks after it do. */
    private static void waitFor(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(LIMIT).pollInSameThread().pollInterval(POLL).until(condition::getAsBoolean);
    }
}
