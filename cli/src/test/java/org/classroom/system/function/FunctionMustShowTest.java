package org.classroom.system.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.classroom.common.config.SampleData;
import org.classroom.common.format.Json;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.function.FunctionRuntime;
import org.classroom.function.runtime.Engines;
import org.classroom.function.runtime.FunctionSettings;
import org.classroom.localcloud.edge.Service;
import org.classroom.system.function.ExpectedAnswers.Answer;
import org.classroom.system.function.FunctionCloud.Invocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Issue 4's "must show", with the real face engine and the course clips, through the local cloud's
 * Lambda endpoint ({@code LambdaClient.invoke}), the test playing the relay.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FunctionMustShowTest {

    private static final String FUNCTION = "classroom-recognise";
    private static final FunctionSettings SETTINGS = FunctionSettings.defaults().withRetries(2, Duration.ofMillis(50));

    private static FunctionCloud system;
    private static Map<String, Answer> answers;
    private static FaultAfter engine;
    private static volatile Runnable fault = () -> { };
    private static final List<String> figures = new ArrayList<>();

    @BeforeAll
    static void startSystem() {
        Assumptions.assumeTrue(SampleData.find().isPresent(), SampleData.missingMessage());
        Path samples = SampleData.find().orElseThrow();
        answers = ExpectedAnswers.read(samples);
        system = FunctionCloud.start(samples);
        long start = System.nanoTime();
        engine = new FaultAfter(Engines.faceEngine().get(), 0, () -> fault.run());
        system.register(FUNCTION, () -> engine, SETTINGS);
        figures.add(String.format(Locale.ROOT, "cold init in a fresh JVM (JavaCPP natives, FFmpeg, the three networks;"
                + " natives already unpacked in the cache): %.0f ms", (System.nanoTime() - start) / 1e6));
    }

    @AfterAll
    static void stopSystem() throws IOException {
        if (system != null) {
            system.close();
        }
        if (!figures.isEmpty()) {
            Path report = Path.of("target", "function-figures.txt");
            Files.createDirectories(report.getParent());
            Files.write(report, figures);
            figures.forEach(System.out::println);
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

    @Test
    @Order(1)
    void oneSqsEventForTheEightClipsWritesEightCorrectObjectsAndEightMessagesAndTwiceChangesNothing() {
        List<Message> notifications = uploadCourseClips();
        String event = system.sqsEvent(notifications);

        Invocation first = system.invoke(FUNCTION, event);

        assertThat(first.failedMessageIds()).isEmpty();
        Map<String, String> outputs = system.outputObjects();
        Map<String, VideoResult> results = system.results();
        assertThat(outputs).hasSize(8);
        answers.values().forEach(answer -> {
            String stem = answer.video().replace(".mp4", "");
            assertThat(outputs.get(stem)).as(answer.video()).isEqualTo(answer.seedLine());
            assertThat(outputs.get(stem).getBytes()).as(answer.video()).hasSize(answer.seedLine().length());
            VideoResult json = results.get(answer.video());
            assertThat(json.status()).isEqualTo(ResultStatus.RECOGNISED);
            assertThat(json.people()).singleElement().satisfies(person -> {
                assertThat(person.name()).isEqualTo(answer.name());
                assertThat(person.id()).isEqualTo(answer.id());
                assertThat(person.distance()).isLessThan(0.6);
            });
        });
        assertThat(outputs).containsEntry("test_0", "president_trump,physics,junior");
        List<VideoResult> messages = system.drainOutputQueue();
        assertThat(messages).extracting(VideoResult::video).containsExactlyInAnyOrderElementsOf(answers.keySet());
        // Each result names its upload's place in order, for the relay to keep the latest upload's.
        Map<String, String> sequencers = new java.util.HashMap<>();
        notifications.forEach(message -> {
            JsonNode object = FunctionCloud.readJson(message.body()).at("/Records/0/s3/object");
            sequencers.put(object.path("key").asText(), object.path("sequencer").asText());
        });
        assertThat(messages).allSatisfy(message -> assertThat(message.sequencer()).as(message.video())
                .isNotBlank().isEqualTo(sequencers.get(message.video())));
        figures.add(String.format(Locale.ROOT, "first invocation, SQS event of the 8 clips: %.0f ms", first.millis()));

        Invocation second = system.invoke(FUNCTION, event);

        assertThat(second.failedMessageIds()).isEmpty();
        assertThat(system.outputObjects()).isEqualTo(outputs);
        assertThat(system.drainOutputQueue()).isEmpty();
        figures.add(String.format(Locale.ROOT, "same event again (8 duplicates): %.0f ms", second.millis()));
    }

    @Test
    @Order(2)
    void aMixedBatchGivesEachItsResultAndFailsNothing() throws IOException {
        byte[] clip = Files.readAllBytes(system.clip("test_0.mp4"));
        system.upload("test_0.mp4", system.clip("test_0.mp4"));
        system.upload("my lecture clip.mp4", system.clip("test_4.mp4"));
        system.upload("slides.mp4", "%PDF-1.4 these are slides, not a video".getBytes());
        system.upload("truncated.mp4", Arrays.copyOf(clip, clip.length * 2 / 3));
        List<Message> notifications = system.takeNotifications(4);

        Invocation invocation = system.invoke(FUNCTION, system.sqsEvent(notifications));

        assertThat(invocation.failedMessageIds()).isEmpty();
        assertThat(invocation.payload().toString()).isEqualTo("{\"batchItemFailures\":[]}");
        Map<String, String> outputs = system.outputObjects();
        assertThat(outputs).containsEntry("test_0", "president_trump,physics,junior")
                .containsEntry("my lecture clip", "johnny_dep,computer_science,senior")
                .containsEntry("slides", "")
                .containsEntry("truncated", "");
        for (String bad : List.of("slides", "truncated")) {
            VideoResult result = system.results().get(bad + ".mp4");
            assertThat(result.status()).as(bad).isEqualTo(ResultStatus.INVALID_VIDEO);
            assertThat(result.reason()).as(bad).isNotBlank().doesNotContain("classroom-");
        }
        assertThat(system.drainOutputQueue()).extracting(VideoResult::video, VideoResult::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("test_0.mp4", ResultStatus.RECOGNISED),
                org.assertj.core.groups.Tuple.tuple("my lecture clip.mp4", ResultStatus.RECOGNISED),
                org.assertj.core.groups.Tuple.tuple("slides.mp4", ResultStatus.INVALID_VIDEO),
                org.assertj.core.groups.Tuple.tuple("truncated.mp4", ResultStatus.INVALID_VIDEO));
    }

    @Test
    @Order(3)
    void aStandInStoppedMidBatchFailsOnlyTheAffectedMessagesAndARetryCompletesThem() {
        List<Message> notifications = uploadCourseClips();
        fault = () -> system.cloud.stop(Service.S3);
        engine.arm(3);

        Invocation broken = system.invoke(FUNCTION, system.sqsEvent(notifications));

        List<String> ids = notifications.stream().map(Message::messageId).toList();
        assertThat(broken.failedMessageIds()).containsExactlyElementsOf(ids.subList(2, 8));
        system.cloud.start(Service.S3);
        Map<String, String> written = system.outputObjects();
        assertThat(written.keySet()).containsExactlyInAnyOrder("test_0", "test_1");
        assertThat(system.drainOutputQueue()).extracting(VideoResult::video).containsExactlyInAnyOrder("test_0.mp4", "test_1.mp4");

        Invocation retry = system.invoke(FUNCTION, system.sqsEvent(FunctionCloud.only(notifications, broken.failedMessageIds())));

        assertThat(retry.failedMessageIds()).isEmpty();
        Map<String, String> outputs = system.outputObjects();
        assertThat(outputs).hasSize(8);
        answers.values().forEach(answer ->
                assertThat(outputs.get(answer.video().replace(".mp4", ""))).as(answer.video()).isEqualTo(answer.seedLine()));
        assertThat(system.drainOutputQueue()).extracting(VideoResult::video).containsExactlyInAnyOrder(
                "test_2.mp4", "test_4.mp4", "test_5.mp4", "test_6.mp4", "test_7.mp4", "test_8.mp4");
    }

    @Test
    @Order(4)
    void figuresWarmInvokePerClipAndColdInit() {
        List<Double> warm = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            for (Answer answer : answers.values()) {
                String key = "warm/" + round + "/" + answer.video();
                system.upload(key, system.clip(answer.video()));
                Invocation invocation = system.invoke(FUNCTION, system.sqsEvent(system.takeNotifications(1)));
                assertThat(invocation.failedMessageIds()).isEmpty();
                warm.add(invocation.millis());
            }
        }
        assertThat(system.outputObjects()).containsEntry("warm/2/test_7", "morgan_freeman,math,senior");
        warm.sort(Comparator.naturalOrder());
        figures.add(String.format(Locale.ROOT, "warm invoke per clip through the local endpoint (%d invokes, one clip each):"
                + " median %.0f ms, p95 %.0f ms, max %.0f ms", warm.size(), percentile(warm, 50), percentile(warm, 95),
                warm.get(warm.size() - 1)));

        long start = System.nanoTime();
        FunctionRuntime cold = system.register("cold-probe", Engines.faceEngine(), SETTINGS);
        double initMillis = (System.nanoTime() - start) / 1e6;
        system.upload("cold/test_0.mp4", system.clip("test_0.mp4"));
        Invocation first = system.invoke("cold-probe", system.sqsEvent(system.takeNotifications(1)));
        assertThat(first.failedMessageIds()).isEmpty();
        figures.add(String.format(Locale.ROOT, "a new container in a warm JVM: init %.0f ms (runtime %d ms),"
                + " then its first invoke (test_0: gallery read, first inference) %.0f ms", initMillis, cold.initMillis(), first.millis()));
    }

    private static List<Message> uploadCourseClips() {
        for (String video : answers.keySet()) {
            system.upload(video, system.clip(video));
        }
        List<Message> notifications = new ArrayList<>(system.takeNotifications(answers.size()));
        notifications.sort(Comparator.comparing(message -> FunctionCloud.readJson(message.body()).at("/Records/0/s3/object/key").asText()));
        return notifications;
    }

    private static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
