package org.classroom.system.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.format.Json;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;
import org.classroom.common.results.ResultsTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import org.classroom.desktop.logic.AwsBackend;
import org.classroom.desktop.logic.results.TableFeed;
import org.classroom.desktop.logic.roster.Roster;
import org.classroom.desktop.logic.upload.Upload;
import org.classroom.desktop.logic.upload.UploadJournal;
import org.classroom.desktop.logic.upload.UploadService;
import org.classroom.desktop.logic.upload.UploadState;
import org.classroom.desktop.model.Connection;
import org.classroom.desktop.model.ConnectionState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's services without the window, against the local cloud: a 20 MB upload through the transfer
 * manager (above its 8 MiB multipart threshold), the bucket feed, the roster.
 */
class DesktopServicesTest {

    @TempDir
    Path work;

    private DesktopCloud cloud;

    @BeforeEach
    void start() throws Exception {
        cloud = new DesktopCloud(work.resolve("results"), List.of(new Student("floki", 4, "history", "junior")));
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    @Test
    void aLargeClipGoesUpInPartsWithProgress() throws Exception {
        Path clip = work.resolve("lecture.mp4");
        byte[] header = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '1'};
        try (OutputStream out = Files.newOutputStream(clip)) {
            out.write(header);
            byte[] block = new byte[1 << 20];
            new Random(7).nextBytes(block);
            for (int i = 0; i < 20; i++) {
                out.write(block);
            }
        }
        List<Long> progress = new CopyOnWriteArrayList<>();
        UploadService service = new UploadService(new AwsBackend().uploader(cloud.config),
                new UploadJournal(work.resolve("uploads.json")), 2, upload -> progress.add(upload.transferred()));

        Upload upload = service.submit(clip);
        waitFor(() -> upload.state() == UploadState.DONE || upload.state() == UploadState.FAILED, Duration.ofMinutes(2));

        assertThat(upload.reason()).isNull();
        assertThat(upload.state()).isEqualTo(UploadState.DONE);
        var head = cloud.s3.headObject(r -> r.bucket(cloud.config.inputBucket()).key("lecture.mp4"));
        assertThat(head.contentLength()).isEqualTo(Files.size(clip));
        byte[] stored = cloud.s3.getObjectAsBytes(r -> r.bucket(cloud.config.inputBucket()).key("lecture.mp4")).asByteArray();
        assertThat(java.util.Arrays.equals(stored, Files.readAllBytes(clip))).as("the object's bytes are the file's").isTrue();
        long size = Files.size(clip);
        assertThat(progress).anyMatch(bytes -> bytes > 0 && bytes < size);
        service.close();
    }

    @Test
    void withoutARelayTheResultsAreReadFromTheResultsTable() {
        List<VideoResult> results = new CopyOnWriteArrayList<>();
        List<Connection> states = new CopyOnWriteArrayList<>();
        String table = cloud.config.resultsTable();
        try (TableFeed feed = new TableFeed(new AwsClients(cloud.config).dynamoDb(), table, Duration.ofMillis(200))) {
            put(table, VideoResult.failure("test_0.mp4", ResultStatus.ERROR, "the function timed out", null));
            // An item claimed but not yet written has no result: nothing to show for it.
            cloud.dynamoDb.putItem(r -> r.tableName(table).item(Map.of(ResultsTable.VIDEO, AttributeValue.fromS("test_1.mp4"),
                    ResultsTable.STATE, AttributeValue.fromS("processing"))));

            feed.start(results::add, states::add);
            waitFor(() -> results.size() == 1, Duration.ofSeconds(30));
            put(table, new VideoResult("test_0.mp4", ResultStatus.RECOGNISED,
                    List.of(new RecognisedPerson("president_trump", 5, "physics", "junior", 0.39, null, 0.0)),
                    1, 0, null, null, Map.of(), Instant.now()));
            waitFor(() -> results.size() == 2, Duration.ofSeconds(30));

            assertThat(results).extracting(VideoResult::status).containsExactly(ResultStatus.ERROR, ResultStatus.RECOGNISED);
            assertThat(states).extracting(Connection::state).contains(ConnectionState.POLLING);
        }
    }

    @Test
    void theRosterReadsWritesAndSendsEnrolmentPhotosToTheInputBucket() throws Exception {
        Path photo = work.resolve("me.jpg");
        Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'});
        try (Roster roster = new AwsBackend().roster(cloud.config)) {
            roster.save(new Student("ada", 9, "math", "senior"));
            roster.save(new Student("floki", 4, "art", "junior"));
            roster.remove("nobody");

            assertThat(roster.list()).containsExactly(new Student("ada", 9, "math", "senior"),
                    new Student("floki", 4, "art", "junior"));
            String key = roster.enrol("ada", photo);

            assertThat(key).isEqualTo("enrol/ada/me.jpg");
            assertThat(cloud.inputObjects()).extracting(o -> o.key()).contains("enrol/ada/me.jpg");
            roster.remove("ada");
            assertThat(roster.list()).extracting(Student::name).containsExactly("floki");
        }
    }

    private void put(String table, VideoResult result) {
        cloud.dynamoDb.putItem(r -> r.tableName(table).item(Map.of(ResultsTable.VIDEO, AttributeValue.fromS(result.video()),
                ResultsTable.STATE, AttributeValue.fromS("sent"), ResultsTable.RESULT, AttributeValue.fromS(Json.write(result)))));
    }

    /** Polls on the test thread, as the checks that follow do. */
    private static void waitFor(BooleanSupplier condition, Duration limit) {
        Awaitility.await().atMost(limit).pollInSameThread().pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }
}
