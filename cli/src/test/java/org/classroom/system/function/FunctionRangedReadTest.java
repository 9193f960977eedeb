package org.classroom.system.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.classroom.common.config.SampleData;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.face.VideoRecogniser;
import org.classroom.face.video.LectureMaker;
import org.classroom.function.runtime.Engines;
import org.classroom.function.runtime.FunctionSettings;
import org.classroom.system.function.FunctionCloud.Invocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "no whole-file copies": the function reads a video by ranges where it lies in S3. It runs with a
 * temporary folder it cannot write to, and reaches the local cloud through a relay that counts the bytes
 * the cloud sends it, with the real face engine.
 */
class FunctionRangedReadTest {

    private static final String FUNCTION = "classroom-recognise";
    private static final FunctionSettings SETTINGS = FunctionSettings.defaults().withRetries(2, Duration.ofMillis(50));

    private static FunctionCloud system;
    private static ByteCountingRelay relay;
    private static VideoRecogniser engine;
    private static Path work;

    @BeforeAll
    static void startSystem() throws IOException {
        Assumptions.assumeTrue(SampleData.find().isPresent(), SampleData.missingMessage());
        system = FunctionCloud.start(SampleData.find().orElseThrow());
        relay = new ByteCountingRelay(system.config.endpoint());
        engine = Engines.faceEngine().get();
        work = Files.createTempDirectory("ranged-read");
        // A temporary folder that cannot exist: its parent is a file. Whatever the function copied there would fail.
        Path notAFolder = Files.writeString(work.resolve("not-a-folder"), "a file");
        String temp = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", notAFolder.resolve("tmp").toString());
        try {
            system.register(FUNCTION, () -> engine, SETTINGS, relay.endpoint());
        } finally {
            System.setProperty("java.io.tmpdir", temp);
        }
    }

    @AfterAll
    static void stopSystem() throws IOException {
        if (system != null) {
            system.close();
        }
        if (relay != null) {
            relay.close();
        }
        if (work != null) {
            try (var files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    @BeforeEach
    void emptyBucketsAndQueues() {
        system.reset();
    }

    @Test
    void courseClipsAreRecognisedWithATemporaryFolderThatCannotBeWritten() {
        system.upload("test_0.mp4", system.clip("test_0.mp4"));
        system.upload("test_4.mp4", system.clip("test_4.mp4"));

        Invocation invocation = system.invoke(FUNCTION, system.sqsEvent(system.takeNotifications(2)));

        assertThat(invocation.failedMessageIds()).isEmpty();
        assertThat(system.outputObjects())
                .containsEntry("test_0", "president_trump,physics,junior")
                .containsEntry("test_4", "johnny_dep,computer_science,senior");
    }

    @Test
    void aLongRecordingSampledAtItsKeyFramesIsReadInSmallPart() throws IOException {
        Path videos = system.samples.resolve("videos");
        // A camera's kind of recording: 720p, a key frame every 5 s, so every sample is a key frame.
        Path lecture = new LectureMaker(new LectureMaker.Format(1280, 720, 25, 5)).make(List.of(
                new LectureMaker.Nobody(15),
                new LectureMaker.One(videos.resolve("test_1.mp4"), 30),
                new LectureMaker.Nobody(15),
                new LectureMaker.SideBySide(videos.resolve("test_2.mp4"), videos.resolve("test_7.mp4"), 40),
                new LectureMaker.One(videos.resolve("test_4.mp4"), 12),
                new LectureMaker.Nobody(68)), work.resolve("lecture.mp4"));
        long size = Files.size(lecture);
        system.upload("lecture.mp4", lecture);
        List<software.amazon.awssdk.services.sqs.model.Message> notifications = system.takeNotifications(1);
        relay.resetCount();

        Invocation invocation = system.invoke(FUNCTION, system.sqsEvent(notifications));

        long received = relay.receivedBytes();
        System.out.printf("lecture of %d bytes: the function received %d bytes (%.1f %%)%n", size, received,
                100.0 * received / size);
        assertThat(invocation.failedMessageIds()).isEmpty();
        Map<String, VideoResult> results = system.results();
        assertThat(results.get("lecture.mp4").status()).isEqualTo(ResultStatus.RECOGNISED);
        assertThat(results.get("lecture.mp4").people()).extracting(RecognisedPerson::name)
                .contains("president_biden", "mr_bean", "morgan_freeman", "johnny_dep");
        // Everything the function received, tables and queues included, is well under the recording's size.
        assertThat(received).isLessThan(size / 2);
    }
}
