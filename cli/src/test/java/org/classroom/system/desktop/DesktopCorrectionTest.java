package org.classroom.system.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.format.Json;
import org.classroom.common.model.VideoResult;
import org.classroom.common.results.ResultState;
import org.classroom.common.results.ResultsTable;
import org.classroom.desktop.DesktopApp;
import org.classroom.desktop.logic.AwsBackend;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.classroom.desktop.logic.upload.UploadJournal;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.testing.ScriptedDialogs;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.localsystem.DemoSystem;
import org.classroom.localsystem.Parts;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Issue 16's must-show, against the real local system (function, relay, the stack's policies): the boy in
 * test_5 is "Unknown person 1"; "This is…" on his row creates a student and enrols his face through the
 * function; the clip is matched again and his row carries the new name; and the next upload of the clip,
 * by a plain S3 client, names him too. "Not this student" on test_0's row makes it an unknown person, for
 * another desktop started afterwards and for the next upload of the clip. Each is undone with Ctrl+Z.
 */
class DesktopCorrectionTest extends RealDesktopTest {

    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final String NEW_STUDENT = "new_boy";

    DesktopCorrectionTest() {
        super("desktop-correction-test", true,
                work -> new ScriptedDialogs(work.resolve("export.csv"), work.resolve("face.jpg")));
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void anUnknownFaceEnrolledThroughTheDesktopIsNamedInTheNextUploadOfThatClip(FxRobot robot) {
        waitFor("the relay connection", () -> robot.lookup("#connectionIndicator").queryLabeled().getText()
                .contains("Relay connected"));
        robot.interact(() -> model.uploads().add(List.of(samples.resolve("videos/test_5.mp4"))));
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        waitFor("test_5's rows", () -> rowsOf(table, "test_5.mp4").size() == 2);
        assertThat(rowsOf(table, "test_5.mp4")).extracting(ResultRow::displayName)
                .containsExactly("vin_diesel", "Unknown person 1");
        ResultRow boy = rowsOf(table, "test_5.mp4").get(1);

        robot.interact(() -> {
            table.getSelectionModel().select(boy);
            table.requestFocus();
        });
        robot.push(KeyCode.CONTROL, KeyCode.I);
        robot.clickOn("#correctionNewStudent");
        robot.clickOn("#studentName").write(NEW_STUDENT);
        robot.clickOn("#studentId").write("9");
        robot.clickOn("#studentMajor").write("biology");
        robot.clickOn("#studentYear").write("freshman");
        robot.clickOn("Save");
        robot.clickOn("#correctionEnrol");

        waitFor("the boy's row named after the new student", () -> rowsOf(table, "test_5.mp4").stream()
                .anyMatch(row -> NEW_STUDENT.equals(row.name())));
        List<ResultRow> matchedAgain = rowsOf(table, "test_5.mp4");
        assertThat(matchedAgain).extracting(ResultRow::displayName).containsExactlyInAnyOrder("vin_diesel", NEW_STUDENT);
        ResultRow named = matchedAgain.stream().filter(row -> NEW_STUDENT.equals(row.name())).findFirst().orElseThrow();
        assertThat(named.box()).as("the same face as the unknown person's").isEqualTo(boy.box());
        assertThat(named.major()).isEqualTo("biology");
        assertThat(model.roster().students()).extracting(s -> s.name()).contains(NEW_STUDENT);
        waitFor("the status bar's word that matching is done", () -> robot.lookup("#correctionStatus").queryLabeled()
                .getText().startsWith("Matched 1 video again"));

        // The next upload of the clip, by any S3 client: the gallery is as the last match left it, so the stored
        // result (which names him) is what the function answers with.
        ClassroomConfig desktopKey = system.config().withLocalKey(Parts.DESKTOP);
        try (AwsClients clients = new AwsClients(desktopKey); S3Client s3 = clients.s3();
             DynamoDbClient dynamoDb = clients.dynamoDb()) {
            String before = ledgerItem(dynamoDb, desktopKey).get(ResultsTable.SEQUENCER).s();
            s3.putObject(request -> request.bucket(desktopKey.inputBucket()).key("test_5.mp4"),
                    RequestBody.fromFile(samples.resolve("videos/test_5.mp4")));
            waitFor("the new upload handled and sent", () -> {
                Map<String, AttributeValue> item = ledgerItem(dynamoDb, desktopKey);
                return !item.get(ResultsTable.SEQUENCER).s().equals(before)
                        && ResultState.SENT.wireName().equals(item.get(ResultsTable.STATE).s());
            });
            VideoResult next = Json.readResult(ledgerItem(dynamoDb, desktopKey).get(ResultsTable.RESULT).s());
            assertThat(next.people()).extracting(person -> person.name())
                    .containsExactlyInAnyOrder("vin_diesel", NEW_STUDENT);
            assertThat(next.unknownPeople()).isEmpty();
        }

        // Undo: the student the correction created goes, with the face, and the boy is unknown again.
        robot.interact(table::requestFocus);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitFor("the boy unknown again", () -> rowsOf(table, "test_5.mp4").stream().anyMatch(ResultRow::unknown));
        assertThat(rowsOf(table, "test_5.mp4")).extracting(ResultRow::displayName)
                .containsExactly("vin_diesel", "Unknown person 1");
        waitFor("the roster without the student", () -> model.roster().students().stream()
                .noneMatch(student -> student.name().equals(NEW_STUDENT)));
        assertThat(model.corrections().log()).extracting(entry -> entry.what())
                .containsExactly("This is…", "Undo: This is…");
    }

    @Test
    void notThisStudentTurnsTheRowIntoAnUnknownPersonThatStaysSoForAnotherDesktopAndTheNextUpload(FxRobot robot)
            throws Exception {
        waitFor("the relay connection", () -> robot.lookup("#connectionIndicator").queryLabeled().getText()
                .contains("Relay connected"));
        robot.interact(() -> model.uploads().add(List.of(samples.resolve("videos/test_0.mp4"))));
        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        waitFor("test_0's row", () -> rowsOf(table, "test_0.mp4").size() == 1);
        ResultRow trump = rowsOf(table, "test_0.mp4").get(0);
        assertThat(trump.name()).isEqualTo("president_trump");

        robot.interact(() -> {
            table.getSelectionModel().select(trump);
            table.requestFocus();
        });
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.I);

        waitFor("the row turned into an unknown person", () -> rowsOf(table, "test_0.mp4").stream()
                .anyMatch(ResultRow::unknown));
        ResultRow unknown = rowsOf(table, "test_0.mp4").get(0);
        assertThat(rowsOf(table, "test_0.mp4")).singleElement().extracting(ResultRow::displayName)
                .isEqualTo("Unknown person 1");
        assertThat(unknown.box()).as("the same face").isEqualTo(trump.box());
        assertThat(unknown.crop()).as("with the face crop it had").isEqualTo(trump.crop());
        assertThat(unknown.status()).isEqualTo("unknown-face");

        // Another desktop of the account, started afresh, is told the corrected result.
        Path otherWork = Files.createTempDirectory(work, "other-desktop");
        ExecutorService otherPool = DesktopApp.backgroundPool();
        MainViewModel other = new MainViewModel(new AwsBackend(),
                new SettingsStore(new ConfigLoader(Map.of(), otherWork.resolve("config.properties")),
                        DemoSystem.settingsOf(system.config())),
                new UploadJournal(otherWork.resolve("uploads.json")), Platform::runLater, otherPool);
        try {
            other.start().join();
            waitFor("the other desktop's row for test_0", () -> List.copyOf(other.results().rows()).stream()
                    .anyMatch(row -> row.video().equals("test_0.mp4")));
            assertThat(List.copyOf(other.results().rows())).filteredOn(row -> row.video().equals("test_0.mp4"))
                    .extracting(ResultRow::displayName).containsExactly("Unknown person 1");
        } finally {
            other.close();
            otherPool.shutdownNow();
        }

        // The next upload of the clip does not bring the wrong name back.
        ClassroomConfig desktopKey = system.config().withLocalKey(Parts.DESKTOP);
        try (AwsClients clients = new AwsClients(desktopKey); S3Client s3 = clients.s3();
             DynamoDbClient dynamoDb = clients.dynamoDb()) {
            String before = ledgerItem(dynamoDb, desktopKey, "test_0.mp4").get(ResultsTable.SEQUENCER).s();
            s3.putObject(request -> request.bucket(desktopKey.inputBucket()).key("test_0.mp4"),
                    RequestBody.fromFile(samples.resolve("videos/test_0.mp4")));
            waitFor("the new upload handled and sent", () -> {
                Map<String, AttributeValue> item = ledgerItem(dynamoDb, desktopKey, "test_0.mp4");
                return !item.get(ResultsTable.SEQUENCER).s().equals(before)
                        && ResultState.SENT.wireName().equals(item.get(ResultsTable.STATE).s());
            });
            VideoResult next = Json.readResult(ledgerItem(dynamoDb, desktopKey, "test_0.mp4").get(ResultsTable.RESULT).s());
            assertThat(next.people()).isEmpty();
            assertThat(next.unknownPeople()).singleElement().satisfies(face -> assertThat(face.box()).isEqualTo(trump.box()));
        }

        // Undo: the correction goes, and the clip matched again names him.
        robot.interact(table::requestFocus);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitFor("the name back", () -> rowsOf(table, "test_0.mp4").stream()
                .anyMatch(row -> "president_trump".equals(row.name())));
    }

    private static Map<String, AttributeValue> ledgerItem(DynamoDbClient dynamoDb, ClassroomConfig config) {
        return ledgerItem(dynamoDb, config, "test_5.mp4");
    }

    private static Map<String, AttributeValue> ledgerItem(DynamoDbClient dynamoDb, ClassroomConfig config, String video) {
        return dynamoDb.getItem(request -> request.tableName(config.resultsTable()).consistentRead(true)
                .key(Map.of(ResultsTable.VIDEO, AttributeValue.fromS(video)))).item();
    }

    private static List<ResultRow> rowsOf(TableView<ResultRow> table, String video) {
        return List.copyOf(table.getItems()).stream().filter(row -> row.video().equals(video)).toList();
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        RealDesktop.waitFor(what, LIMIT, condition);
    }
}
