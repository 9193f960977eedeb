package org.classroom.system.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.classroom.common.config.SampleData;
import org.classroom.common.format.Json;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.common.results.ResultsTable;
import org.classroom.function.runtime.FunctionSettings;
import org.classroom.localcloud.edge.Service;
import org.classroom.system.function.ExpectedAnswers.Answer;
import org.classroom.system.function.FunctionCloud.Invocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The function's plumbing against the local cloud, with a test engine that answers from the course's
 * expected.csv: events, idempotency, faults, enrolment. The course clips through the real engine are in
 * {@link FunctionMustShowTest}.
 */
class FunctionPlumbingTest {

    private static final String FUNCTION = "plumbing";
    private static final FunctionSettings SETTINGS = FunctionSettings.defaults()
            .withRetries(2, Duration.ofMillis(20)).withGalleryMaxAge(Duration.ofSeconds(60));

    private static FunctionCloud system;
    private static Map<String, Answer> answers;
    private static FaultAfter engine;
    private static volatile Runnable fault = () -> { };

    @BeforeAll
    static void startSystem() {
        Assumptions.assumeTrue(SampleData.find().isPresent(), SampleData.missingMessage());
        Path samples = SampleData.find().orElseThrow();
        answers = ExpectedAnswers.read(samples);
        system = FunctionCloud.start(samples);
        engine = new FaultAfter(new AnswerFileRecogniser(samples), 0, () -> fault.run());
        system.register(FUNCTION, () -> engine, SETTINGS);
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @BeforeEach
    void emptyBucketsAndQueues() {
        for (Service service : Service.values()) {
            system.cloud.start(service);
        }
        engine.arm(0);
        system.reset();
    }

    @AfterEach
    void restartEverything() {
        for (Service service : Service.values()) {
            system.cloud.start(service);
        }
    }

    @Test
    void eightClipsGiveEightSeedObjectsAndEightMessagesEvenWhenTheEventComesTwice() throws IOException {
        java.util.Set<String> tempFilesBefore = temporaryFiles();
        List<Message> notifications = uploadCourseClips("");
        String event = system.sqsEvent(notifications);

        Invocation first = system.invoke(FUNCTION, event);

        assertThat(first.failedMessageIds()).isEmpty();
        Map<String, String> outputs = system.outputObjects();
        Map<String, VideoResult> results = system.results();
        assertThat(outputs).hasSize(8);
        answers.values().forEach(answer -> {
            String stem = answer.video().replace(".mp4", "");
            assertThat(outputs.get(stem)).isEqualTo(answer.seedLine());
            VideoResult json = results.get(answer.video());
            assertThat(json.status()).isEqualTo(ResultStatus.RECOGNISED);
            assertThat(json.people()).singleElement().satisfies(person -> {
                assertThat(person.id()).isEqualTo(answer.id());
                assertThat(person.major()).isEqualTo(answer.major());
            });
            assertThat(json.etag()).isNotBlank();
        });
        assertThat(system.drainOutputQueue()).extracting(VideoResult::video)
                .containsExactlyInAnyOrderElementsOf(answers.keySet());
        // None left behind by these eight (files of other programs may come and go meanwhile).
        assertThat(temporaryFiles()).isSubsetOf(tempFilesBefore);

        Invocation again = system.invoke(FUNCTION, event);

        assertThat(again.failedMessageIds()).isEmpty();
        assertThat(system.outputObjects()).isEqualTo(outputs);
        assertThat(system.results()).isEqualTo(results);
        assertThat(system.drainOutputQueue()).isEmpty();
        assertThat(engine.calls()).isEqualTo(8);
    }

    @Test
    void withTwoWorkerThreadsEachMessageIsStillHandledOnce() {
        system.register("parallel", () -> new AnswerFileRecogniser(system.samples), SETTINGS.withThreads(2));
        List<Message> notifications = uploadCourseClips("");

        Invocation invocation = system.invoke("parallel", system.sqsEvent(notifications));

        assertThat(invocation.failedMessageIds()).isEmpty();
        Map<String, String> outputs = system.outputObjects();
        answers.values().forEach(answer ->
                assertThat(outputs.get(answer.video().replace(".mp4", ""))).isEqualTo(answer.seedLine()));
        assertThat(system.drainOutputQueue()).hasSize(8);
    }

    @Test
    void twoInvocationsOfOneEventAtOnceProcessAndPublishItOnce() throws Exception {
        CountDownLatch inEngine = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // Holds the first invocation after its engine run, before it publishes.
        FaultAfter slow = new FaultAfter(new AnswerFileRecogniser(system.samples), 1, () -> {
            inEngine.countDown();
            awaitQuietly(release);
        });
        system.register("racing", () -> slow, SETTINGS);
        system.upload("test_0.mp4", system.clip("test_0.mp4"));
        String event = system.sqsEvent(system.takeNotifications(1));
        ExecutorService first = Executors.newSingleThreadExecutor();
        try {
            Future<Invocation> holder = first.submit(() -> system.invoke("racing", event));
            assertThat(inEngine.await(30, TimeUnit.SECONDS)).isTrue();

            Invocation second = system.invoke("racing", event);

            // The claim is held: the second is told to come back later, not to publish.
            assertThat(second.failedMessageIds()).hasSize(1);
            assertThat(system.stateOf("test_0.mp4")).isEqualTo("processing");
            release.countDown();
            assertThat(holder.get(60, TimeUnit.SECONDS).failedMessageIds()).isEmpty();
        } finally {
            release.countDown();
            first.shutdownNow();
        }
        Invocation retry = system.invoke("racing", event);

        assertThat(retry.failedMessageIds()).isEmpty();
        assertThat(system.drainOutputQueue()).extracting(VideoResult::video).containsExactly("test_0.mp4");
        assertThat(system.outputObjects()).containsExactly(Map.entry("test_0", "president_trump,physics,junior"));
        assertThat(system.stateOf("test_0.mp4")).isEqualTo("sent");
    }

    @Test
    void aWorkingInvocationRenewsItsClaimSoItOutlivesTheLeaseAndASecondOneWaits() throws Exception {
        Duration lease = Duration.ofMillis(1500);
        CountDownLatch inEngine = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FaultAfter slow = new FaultAfter(new AnswerFileRecogniser(system.samples), 1, () -> {
            inEngine.countDown();
            awaitQuietly(release);
        });
        system.register("renewing", () -> slow, SETTINGS.withClaimLease(lease));
        system.upload("test_4.mp4", system.clip("test_4.mp4"));
        String event = system.sqsEvent(system.takeNotifications(1));
        ExecutorService first = Executors.newSingleThreadExecutor();
        try {
            Future<Invocation> holder = first.submit(() -> system.invoke("renewing", event));
            assertThat(inEngine.await(30, TimeUnit.SECONDS)).isTrue();
            // Three leases on, the holder is still at work: its claim must not look like a dead one's.
            Thread.sleep(lease.toMillis() * 3);

            Invocation second = system.invoke("renewing", event);

            assertThat(second.failedMessageIds()).as("told to come back later").hasSize(1);
            release.countDown();
            assertThat(holder.get(60, TimeUnit.SECONDS).failedMessageIds()).isEmpty();
        } finally {
            release.countDown();
            first.shutdownNow();
        }
        assertThat(system.drainOutputQueue()).extracting(VideoResult::video).containsExactly("test_4.mp4");
        assertThat(system.stateOf("test_4.mp4")).isEqualTo("sent");
    }

    @Test
    void theSameBytesUploadedAgainAreAnnouncedAgainWithoutAnEngineRunButARedeliveredEventIsNot() throws IOException {
        system.upload("test_2.mp4", system.clip("test_2.mp4"));
        String first = system.sqsEvent(system.takeNotifications(1));
        assertThat(system.invoke(FUNCTION, first).failedMessageIds()).isEmpty();
        assertThat(system.drainOutputQueue()).hasSize(1);
        int engineRuns = engine.calls();
        // What the course's grader does before a run: clear the output bucket; then it uploads again.
        system.s3.deleteObject(request -> request.bucket(system.config.outputBucket()).key("test_2"));
        system.upload("test_2.mp4", system.clip("test_2.mp4"));
        String second = system.sqsEvent(system.takeNotifications(1));

        assertThat(system.invoke(FUNCTION, second).failedMessageIds()).isEmpty();
        assertThat(system.invoke(FUNCTION, second).failedMessageIds()).isEmpty();
        assertThat(system.invoke(FUNCTION, first).failedMessageIds()).isEmpty();

        assertThat(system.outputObjects()).containsExactly(Map.entry("test_2", "mr_bean,lawyer,freshmen"));
        assertThat(system.drainOutputQueue()).extracting(VideoResult::video).containsExactly("test_2.mp4");
        assertThat(engine.calls()).isEqualTo(engineRuns);
    }

    @Test
    void anUploadOverTheSizeLimitIsAFinalResultWithoutBeingRead() throws IOException {
        system.register("small-only", () -> engine, SETTINGS.withMaxVideoBytes(100_000));
        system.upload("test_8.mp4", system.clip("test_8.mp4"));
        int engineRuns = engine.calls();

        Invocation invocation = system.invoke("small-only", system.sqsEvent(system.takeNotifications(1)));

        assertThat(invocation.failedMessageIds()).isEmpty();
        VideoResult result = system.results().get("test_8.mp4");
        assertThat(result.status()).isEqualTo(ResultStatus.INVALID_VIDEO);
        assertThat(result.reason()).contains("videos up to 0.00 GB", "CLASSROOM_MAX_VIDEO_BYTES");
        assertThat(system.outputObjects()).containsEntry("test_8", "");
        assertThat(engine.calls()).isEqualTo(engineRuns);
        assertThat(system.drainOutputQueue()).hasSize(1);
    }

    @Test
    void aClipThatExhaustsMemoryEndsAsItsOwnFinalResultAndTheRestOfTheBatchGoesOn() throws IOException {
        FaultAfter exhausting = new FaultAfter(new AnswerFileRecogniser(system.samples), 1, () -> {
            throw new OutOfMemoryError("Java heap space");
        });
        system.register("exhausting", () -> exhausting, SETTINGS);
        system.upload("huge.mp4", system.clip("test_4.mp4"));
        system.upload("test_1.mp4", system.clip("test_1.mp4"));
        List<Message> notifications = system.takeNotifications(2);
        notifications.sort(java.util.Comparator.comparing(message -> keysOf(List.of(message)).get(0)));

        Invocation invocation = system.invoke("exhausting", system.sqsEvent(notifications));

        assertThat(invocation.failedMessageIds()).isEmpty();
        Map<String, VideoResult> results = system.results();
        assertThat(results.get("huge.mp4").status()).isEqualTo(ResultStatus.INVALID_VIDEO);
        assertThat(results.get("huge.mp4").reason()).contains("needs more memory", "Java heap space");
        assertThat(results.get("test_1.mp4").status()).isEqualTo(ResultStatus.RECOGNISED);
        assertThat(system.drainOutputQueue()).hasSize(2);
    }

    @Test
    void aClaimLeftByAnInvocationThatDiedIsTakenOverOnceItIsStale() throws IOException {
        String etag = system.upload("test_1.mp4", system.clip("test_1.mp4")).replace("\"", "");
        String event = system.sqsEvent(system.takeNotifications(1));
        // What a container killed mid-video leaves behind: a claim on this version, no result.
        leaveClaim("test_1.mp4", etag, System.currentTimeMillis());

        assertThat(system.invoke(FUNCTION, event).failedMessageIds()).as("within the lease").hasSize(1);
        assertThat(system.drainOutputQueue()).isEmpty();
        leaveClaim("test_1.mp4", etag, System.currentTimeMillis() - SETTINGS.claimLease().toMillis() - 1000);

        assertThat(system.invoke(FUNCTION, event).failedMessageIds()).as("past the lease").isEmpty();
        assertThat(system.drainOutputQueue()).extracting(VideoResult::video).containsExactly("test_1.mp4");
        assertThat(system.outputObjects()).containsEntry("test_1", "president_biden,history,sophomore");
    }

    private static void leaveClaim(String video, String etag, long claimedAt) {
        system.dynamoDb.putItem(request -> request.tableName(system.config.resultsTable()).item(Map.of(
                ResultsTable.VIDEO, AttributeValue.fromS(video), ResultsTable.ETAG, AttributeValue.fromS(etag),
                ResultsTable.STATE, AttributeValue.fromS("processing"), ResultsTable.CLAIM, AttributeValue.fromS("dead"),
                ResultsTable.CLAIMED_AT, AttributeValue.fromN(Long.toString(claimedAt)))));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aNewVersionOfAKeyReplacesItsResultAndAStaleEventChangesNothing() throws IOException {
        system.upload("lecture.mp4", system.clip("test_0.mp4"));
        String firstEvent = system.sqsEvent(system.takeNotifications(1));
        assertThat(system.invoke(FUNCTION, firstEvent).failedMessageIds()).isEmpty();
        assertThat(system.outputObjects()).containsEntry("lecture", "president_trump,physics,junior");

        system.upload("lecture.mp4", system.clip("test_7.mp4"));
        assertThat(system.invoke(FUNCTION, system.sqsEvent(system.takeNotifications(1))).failedMessageIds()).isEmpty();
        assertThat(system.invoke(FUNCTION, firstEvent).failedMessageIds()).isEmpty();

        assertThat(system.outputObjects()).containsEntry("lecture", "morgan_freeman,math,senior");
        assertThat(system.drainOutputQueue()).extracting(result -> result.people().get(0).name())
                .containsExactly("president_trump", "morgan_freeman");
    }

    @Test
    void keysWithSpacesAndBadInputsGetFinalResultsNotRetries() throws IOException {
        system.upload("week 1/my lecture+1.mp4", system.clip("test_6.mp4"));
        system.upload("notes.mp4", "these are lecture notes, not a video".getBytes());
        Invocation invocation = system.invoke(FUNCTION, system.sqsEvent(system.takeNotifications(2)));

        assertThat(invocation.failedMessageIds()).isEmpty();
        Map<String, String> outputs = system.outputObjects();
        assertThat(outputs).containsEntry("week 1/my lecture+1", "floki,history,junior").containsEntry("notes", "");
        assertThat(outputs).hasSize(2);
        VideoResult notes = system.results().get("notes.mp4");
        assertThat(notes.status()).isEqualTo(ResultStatus.INVALID_VIDEO);
        assertThat(notes.reason()).isNotBlank();
        assertThat(system.drainOutputQueue()).hasSize(2);
    }

    @Test
    void s3StoppedMidBatchFailsOnlyTheRestAndARetryCompletesThem() throws IOException {
        List<Message> notifications = uploadCourseClips("");
        fault = () -> system.cloud.stop(Service.S3);
        engine.arm(3);

        Invocation broken = system.invoke(FUNCTION, system.sqsEvent(notifications));

        List<String> ids = notifications.stream().map(Message::messageId).toList();
        assertThat(broken.failedMessageIds()).containsExactlyElementsOf(ids.subList(2, 8));
        system.cloud.start(Service.S3);
        Map<String, String> written = system.outputObjects();
        assertThat(written).hasSize(2);
        List<String> done = keysOf(notifications.subList(0, 2));
        assertThat(written.keySet()).containsExactlyInAnyOrder(done.get(0), done.get(1));
        assertThat(system.drainOutputQueue()).extracting(VideoResult::video).containsExactlyInAnyOrderElementsOf(
                done.stream().map(stem -> stem + ".mp4").toList());

        Invocation retry = system.invoke(FUNCTION, system.sqsEvent(FunctionCloud.only(notifications, broken.failedMessageIds())));

        assertThat(retry.failedMessageIds()).isEmpty();
        assertThat(system.outputObjects()).hasSize(8);
        assertThat(system.drainOutputQueue()).hasSize(6);
    }

    @Test
    void sqsStoppedAfterTheWritesSendsEachMissedMessageExactlyOnceOnRetry() throws IOException {
        List<Message> notifications = uploadCourseClips("");
        fault = () -> system.cloud.stop(Service.SQS);
        engine.arm(3);

        Invocation broken = system.invoke(FUNCTION, system.sqsEvent(notifications));
        system.cloud.start(Service.SQS);

        assertThat(broken.failedMessageIds()).hasSize(6);
        assertThat(system.drainOutputQueue()).hasSize(2);
        List<String> unsent = keysOf(FunctionCloud.only(notifications, broken.failedMessageIds()));
        unsent.forEach(stem -> assertThat(system.stateOf(stem + ".mp4")).isEqualTo("written"));
        int engineRuns = engine.calls();

        Invocation retry = system.invoke(FUNCTION, system.sqsEvent(FunctionCloud.only(notifications, broken.failedMessageIds())));
        Invocation duplicate = system.invoke(FUNCTION, system.sqsEvent(notifications));

        assertThat(retry.failedMessageIds()).isEmpty();
        assertThat(duplicate.failedMessageIds()).isEmpty();
        assertThat(engine.calls()).isEqualTo(engineRuns);
        assertThat(system.drainOutputQueue()).extracting(VideoResult::video)
                .containsExactlyInAnyOrderElementsOf(unsent.stream().map(stem -> stem + ".mp4").toList());
        unsent.forEach(stem -> assertThat(system.stateOf(stem + ".mp4")).isEqualTo("sent"));
    }

    @Test
    void aColdContainerWithTheTableDownFailsEverythingAndWritesNothing() throws IOException {
        system.register("cold", () -> new AnswerFileRecogniser(system.samples), SETTINGS);
        system.upload("test_0.mp4", system.clip("test_0.mp4"));
        system.upload("test_1.mp4", system.clip("test_1.mp4"));
        List<Message> notifications = system.takeNotifications(2);
        system.cloud.stop(Service.DYNAMODB);

        Invocation broken = system.invoke("cold", system.sqsEvent(notifications));

        assertThat(broken.failedMessageIds()).hasSize(2);
        assertThat(system.outputObjects()).isEmpty();
        assertThat(system.drainOutputQueue()).isEmpty();
        system.cloud.start(Service.DYNAMODB);

        assertThat(system.invoke("cold", system.sqsEvent(notifications)).failedMessageIds()).isEmpty();
        assertThat(system.outputObjects()).containsEntry("test_0", "president_trump,physics,junior")
                .containsEntry("test_1", "president_biden,history,sophomore");
    }

    @Test
    void enrolmentAddsTheFaceToTheStudentAndSaysWhatItDid() throws IOException {
        byte[] bean = Files.readAllBytes(system.clip("test_2.mp4"));
        system.upload("enrol/new student/first.mp4", bean);
        system.upload("enrol/new student/second.mp4", bean);
        system.upload("enrol/new student/notes.txt", "no face here".getBytes());
        system.upload("enrol/nameless.mp4", bean);
        system.upload("enrol/from-metadata.mp4", bean, Map.of("student", "meta person"));
        Invocation invocation = system.invoke(FUNCTION, system.sqsEvent(system.takeNotifications(5)));

        assertThat(invocation.failedMessageIds()).isEmpty();
        // Enrolments are not videos: their results go to the table and the queue, never to the graded bucket.
        assertThat(system.outputObjects()).isEmpty();
        Map<String, VideoResult> results = system.results();
        VideoResult first = results.get("enrol/new student/first.mp4");
        assertThat(first.status()).isEqualTo(ResultStatus.RECOGNISED);
        assertThat(first.people()).singleElement().satisfies(person -> {
            assertThat(person.name()).isEqualTo("new student");
            assertThat(person.distance()).isZero();
        });
        assertThat(first.reason()).contains("enrolled").contains("new student");
        assertThat(results.get("enrol/new student/notes.txt").status()).isEqualTo(ResultStatus.NO_FACE);
        VideoResult nameless = results.get("enrol/nameless.mp4");
        assertThat(nameless.status()).isEqualTo(ResultStatus.INVALID_VIDEO);
        assertThat(nameless.reason()).contains("no student named");
        assertThat(system.table.gallery()).hasEntrySatisfying("new student", list -> assertThat(list).hasSize(2))
                .hasEntrySatisfying("meta person", list -> assertThat(list).hasSize(1));
        assertThat(system.drainOutputQueue()).hasSize(5);

        system.table.delete("new student");
        system.table.delete("meta person");
    }

    @Test
    void directEventsAnswerWithASummaryOrFailTheInvocation() throws IOException {
        system.upload("test_8.mp4", system.clip("test_8.mp4"));
        String notification = system.takeNotifications(1).get(0).body();

        Invocation direct = system.invoke(FUNCTION, "{\"bucket\": \"" + system.config.inputBucket() + "\", \"key\": \"test_8.mp4\"}");
        Invocation s3Event = system.invoke(FUNCTION, notification);

        assertThat(direct.functionError()).isNull();
        assertThat(direct.payload().at("/objects/0/outcome").asText()).isEqualTo("processed");
        assertThat(direct.payload().at("/objects/0/result/people/0/name").asText()).isEqualTo("president_obama");
        assertThat(s3Event.payload().at("/objects/0/outcome").asText()).isEqualTo("duplicate");
        Invocation ownOutput = system.invoke(FUNCTION, "{\"bucket\": \"" + system.config.outputBucket() + "\", \"key\": \"test_8\"}");
        assertThat(ownOutput.payload().at("/objects/0/outcome").asText()).isEqualTo("ignored");
        assertThat(system.outputObjects()).containsEntry("test_8", "president_obama,electrical_engineering,senior");

        system.upload("test_7.mp4", system.clip("test_7.mp4"));
        system.takeNotifications(1);
        system.cloud.stop(Service.S3);
        Invocation failed = system.invoke(FUNCTION, "{\"bucket\": \"" + system.config.inputBucket() + "\", \"key\": \"test_7.mp4\"}");
        assertThat(failed.functionError()).isEqualTo("Unhandled");
        assertThat(failed.payload().get("errorMessage").asText()).contains("test_7.mp4");
    }

    private static List<Message> uploadCourseClips(String prefix) {
        for (String video : answers.keySet()) {
            system.upload(prefix + video, system.clip(video));
        }
        List<Message> notifications = new ArrayList<>(system.takeNotifications(answers.size()));
        // The relay's batches come in queue order; sort so that tests can say "the first n".
        notifications.sort(java.util.Comparator.comparing(message -> keysOf(List.of(message)).get(0)));
        return notifications;
    }

    /** The output stems of the notifications' objects. */
    private static List<String> keysOf(List<Message> notifications) {
        return notifications.stream().map(message -> FunctionCloud.readJson(message.body())
                .at("/Records/0/s3/object/key").asText().replace(".mp4", "")).toList();
    }

    private static java.util.Set<String> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("classroom-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }
}
