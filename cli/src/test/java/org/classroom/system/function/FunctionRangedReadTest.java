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
import org.classroom.face.RecognisedVideo;
import org.classroom.face.VideoRecogniser;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.video.RandomAccessInput;
import org.classroom.face.video.LectureMaker;
import org.classroom.function.runtime.Engines;
import org.classroom.function.runtime.FunctionSettings;
import org.classroom.system.function.FunctionCloud.Invocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Issue 13, "no whole-file copies": the function reads a video by ranges where it lies in S3. It runs with a
 * temporary folder it cannot write to, and reaches the local cloud through a relay that counts the bytes
 * the cloud sends it, with the real face engine.
 */
class FunctionRangedReadTest {

    private static final String FUNCTION = "classroom-recognise";
    /** The same function, with something happening to the upload after it was claimed, before it is read. */
    private static final String REPLACING = "replacing-probe";
    private static final FunctionSettings SETTINGS = FunctionSettings.defaults().withRetries(2, Duration.ofMillis(50));

    private static FunctionCloud system;
    private static ByteCountingRelay relay;
    private static VideoRecogniser engine;
    private static Path work;
    private static volatile Runnable beforeReading = () -> { };

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
            system.register(REPLACING, () -> new BeforeReading(engine, () -> beforeReading.run()), SETTINGS);
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
    void aVideoReplacedAfterItsVersionWasClaimedFailsTheMessageAndTheRetryReadsTheNewVersion() {
        system.upload("replaced.mp4", system.clip("test_0.mp4"));
        List<Message> notifications = system.takeNotifications(1);
        beforeReading = () -> system.upload("replaced.mp4", system.clip("test_4.mp4"));

        Invocation first = system.invoke(REPLACING, system.sqsEvent(notifications));

        beforeReading = () -> { };
        // Neither version's answer from bytes of the other: the message is retried.
        assertThat(first.failedMessageIds()).hasSize(1);
        assertThat(system.outputObjects()).doesNotContainKey("replaced");
        List<Message> replacement = system.takeNotifications(1);

        Invocation retry = system.invoke(REPLACING, system.sqsEvent(notifications));

        assertThat(retry.failedMessageIds()).isEmpty();
        assertThat(system.outputObjects()).containsEntry("replaced", "johnny_dep,computer_science,senior");
        assertThat(system.invoke(REPLACING, system.sqsEvent(replacement)).failedMessageIds()).isEmpty();
        // The later upload's event may send the same result again (the ledger's call); never the first version's.
        assertThat(system.drainOutputQueue()).isNotEmpty().allSatisfy(result -> {
            assertThat(result.video()).isEqualTo("replaced.mp4");
            assertThat(result.people()).extracting(RecognisedPerson::name).containsExactly("johnny_dep");
        });
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
        List<Message> notifications = system.takeNotifications(1);
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

    /** The engine, with something done first each time it is given a video read by position. */
    private record BeforeReading(VideoRecogniser engine, Runnable first) implements VideoRecogniser {

        @Override
        public VideoResult recognise(Path video, String videoName, Gallery gallery) {
            return engine.recognise(video, videoName, gallery);
        }

        @Override
        public VideoResult recognise(RandomAccessInput video, String videoName, Gallery gallery) {
            return recogniseWithCrops(video, videoName, gallery).result();
        }

        @Override
        public RecognisedVideo recogniseWithCrops(RandomAccessInput video, String videoName, Gallery gallery) {
            first.run();
            return engine.recogniseWithCrops(video, videoName, gallery);
        }

        @Override
        public double[] encodeSingleFace(Path photoOrClip) throws EnrolmentRefused {
            return engine.encodeSingleFace(photoOrClip);
        }

        @Override
        public void close() {
            // the shared engine is closed with the first function
        }
    }
}
