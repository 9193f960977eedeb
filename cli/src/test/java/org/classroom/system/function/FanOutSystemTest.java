package org.classroom.system.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.classroom.common.config.SampleData;
import org.classroom.common.events.ETags;
import org.classroom.common.format.FilmstripIndex;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.face.evidence.Filmstrip;
import org.classroom.face.video.LectureMaker;
import org.classroom.face.video.SamplingOptions;
import org.classroom.function.RecogniseHandler;
import org.classroom.function.runtime.Engines;
import org.classroom.function.runtime.FanOutSettings;
import org.classroom.function.runtime.FunctionSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A long recording through the function on the local cloud with fan-out: a three-minute lecture (Biden 15–45 s,
 * Mr Bean and Morgan Freeman 60–100 s, Johnny Depp 100–112 s) split at 50 s into four 45-s segments, so that
 * Mr Bean and Morgan Freeman are on screen across the boundary at 90 s. The function that gets the upload
 * coordinates; the Lambda endpoint runs the other segments' invocations at the same time. Every segment reads its
 * own range of the upload by ranged GETs: the function's temporary folder cannot be written.
 */
class FanOutSystemTest {

    private static final String FUNCTION = "classroom-recognise";
    private static final String WHOLE = "whole";
    private static final double SPACING = SamplingOptions.DEFAULT_MAX_SPACING_SECONDS;

    private static FunctionCloud system;
    private static SegmentWatch watch;
    private static Path lecture;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startSystem() throws Exception {
        Assumptions.assumeTrue(SampleData.find().isPresent(), SampleData.missingMessage());
        Path samples = SampleData.find().orElseThrow();
        lecture = lecture(samples.resolve("videos"), dir.resolve("lecture.mp4"));
        // The coordinator and its three other segments at once.
        system = FunctionCloud.start(samples, 4);
        FunctionSettings settings = FunctionSettings.defaults().withRetries(2, Duration.ofMillis(20));
        // A temporary folder that cannot exist (its parent is a file): every segment reads by ranges, none downloads.
        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "a file");
        String temp = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", notAFolder.resolve("tmp").toString());
        try {
            watch = new SegmentWatch(new RecogniseHandler(system.runtime(Engines.faceEngine(settings),
                    settings.withFanOut(new FanOutSettings(50, 10, 2)))));
        } finally {
            System.setProperty("java.io.tmpdir", temp);
        }
        system.cloud.registerFunction(FUNCTION, watch, Duration.ofMinutes(10));
        system.register(WHOLE, Engines.faceEngine(settings), settings.withFanOut(FanOutSettings.never()));
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @BeforeEach
    void empty() {
        system.reset();
        watch.reset();
    }

    @Test
    void aSplitRecordingGetsOneResultWithTheSamePeopleAndAppearancesAsWhole() throws IOException {
        system.upload("whole.mp4", lecture);
        assertThat(system.invoke(WHOLE, system.sqsEvent(system.takeNotifications(1))).failedMessageIds()).isEmpty();
        VideoResult whole = system.results().get("whole.mp4");
        system.drainOutputQueue();

        system.upload("lecture.mp4", lecture);
        FunctionCloud.Invocation invocation = system.invoke(FUNCTION, system.sqsEvent(system.takeNotifications(1)));

        assertThat(invocation.failedMessageIds()).isEmpty();
        assertThat(watch.requests()).as("segments 1–3 by other invocations, 0 by the coordinator")
                .isEqualTo(Map.of(1, 1, 2, 1, 3, 1));
        VideoResult split = system.results().get("lecture.mp4");
        assertSameFindings(split, whole);
        assertThat(system.outputObjects()).containsOnlyKeys("whole", "lecture");
        // The same lines; their order (by distance) may differ, as the segments' best views are other samples.
        assertThat(system.outputObjects().get("lecture").lines().sorted().toList())
                .isEqualTo(system.outputObjects().get("whole").lines().sorted().toList());
        assertThat(system.drainOutputQueue()).as("one message for the video, none for its segments")
                .extracting(VideoResult::video).containsExactly("lecture.mp4");
        // Each person's crop from their best view in whichever segment it was, named in the result.
        assertThat(split.people()).allSatisfy(person -> assertThat(person.crop()).as(person.name())
                .startsWith("crops/lecture.mp4/").endsWith("/" + person.name() + ".jpg"));
        assertThat(system.evidenceObjects().keySet()).filteredOn(key -> key.startsWith("crops/lecture.mp4/"))
                .containsExactlyInAnyOrderElementsOf(split.people().stream().map(RecognisedPerson::crop).toList());
        assertFramesAndOneFilmstrip(split);
        assertThat(watch.largestAnswer()).as("a segment's answer, frames and thumbnails with it, within Lambda's 6 MB")
                .isPositive().isLessThan(6_291_456);
        System.out.printf("fan-out: 3-minute lecture in 4 segments: %.1f s (whole: %.1f s of engine); largest segment"
                + " answer %d bytes%n", invocation.millis() / 1000, whole.timingsMs().getOrDefault("total", 0.0) / 1000,
                watch.largestAnswer());
    }

    @Test
    void aSegmentThatFailsOnceIsTriedAgainAloneAndTheVideoStillGetsOneResult() {
        system.upload("lecture.mp4", lecture);
        watch.failOnce(2);
        List<Message> notification = system.takeNotifications(1);

        FunctionCloud.Invocation invocation = system.invoke(FUNCTION, system.sqsEvent(notification));

        assertThat(invocation.failedMessageIds()).isEmpty();
        assertThat(watch.requests()).as("only segment 2 asked for twice").isEqualTo(Map.of(1, 1, 2, 2, 3, 1));
        VideoResult result = system.results().get("lecture.mp4");
        assertThat(result.status()).isEqualTo(ResultStatus.RECOGNISED);
        assertThat(result.people()).extracting(RecognisedPerson::name)
                .containsExactlyInAnyOrder("president_biden", "mr_bean", "morgan_freeman", "johnny_dep");
        assertThat(system.outputObjects()).containsOnlyKeys("lecture");
        assertThat(system.drainOutputQueue()).hasSize(1);
    }

    @Test
    void withOneInvocationAtATimeTheCoordinatorDoesEverySegmentItselfInsteadOfWaitingForEver() {
        Path samples = SampleData.find().orElseThrow();
        try (FunctionCloud single = FunctionCloud.start(samples, 1)) {
            FunctionSettings settings = FunctionSettings.defaults().withFanOut(new FanOutSettings(50, 10, 2));
            SegmentWatch alone = new SegmentWatch(new RecogniseHandler(single.runtime(Engines.faceEngine(settings),
                    settings)));
            single.cloud.registerFunction(FUNCTION, alone, Duration.ofMinutes(10));
            single.upload("lecture.mp4", lecture);

            FunctionCloud.Invocation invocation = single.invoke(FUNCTION, single.sqsEvent(single.takeNotifications(1)));

            assertThat(invocation.failedMessageIds()).isEmpty();
            assertThat(alone.requests()).as("every segment invocation was throttled before it ran").isEmpty();
            assertThat(single.results().get("lecture.mp4").people()).extracting(RecognisedPerson::name)
                    .containsExactlyInAnyOrder("president_biden", "mr_bean", "morgan_freeman", "johnny_dep");
            assertThat(single.drainOutputQueue()).hasSize(1);
        }
    }

    /**
     * As for a video done whole: each person's best-view frame (from whichever segment named it best) in the evidence
     * bucket, the boxes in others' frames where they are on screen together, and one filmstrip over the whole
     * recording, every segment's stretch in it, within the limit.
     */
    private static void assertFramesAndOneFilmstrip(VideoResult split) throws IOException {
        Map<String, byte[]> evidence = system.evidenceObjects();
        String version = "frames/lecture.mp4/" + ETags.normalise(split.etag()) + "/";
        assertThat(split.people()).allSatisfy(person -> {
            assertThat(person.frame()).as(person.name())
                    .startsWith(version + Math.round(person.frameSeconds() * 1000) + "-");
            assertThat(evidence).containsKey(person.frame());
            assertThat(person.seenIn()).allSatisfy(seen -> assertThat(evidence).containsKey(seen.frame()));
        });
        RecognisedPerson bean = named(split, "bean");
        RecognisedPerson freeman = named(split, "freeman");
        assertThat(bean.frame().equals(freeman.frame())
                || bean.seenIn().stream().anyMatch(seen -> seen.frame().equals(freeman.frame()))
                || freeman.seenIn().stream().anyMatch(seen -> seen.frame().equals(bean.frame())))
                .as("side by side: one's frame outlines the other").isTrue();

        assertThat(evidence.keySet()).as("one filmstrip")
                .filteredOn(key -> key.startsWith("frames/lecture.mp4/") && key.endsWith("/strip.json"))
                .containsExactly(version + "strip.json");
        FilmstripIndex index = FilmstripIndex.fromJson(evidence.get(version + "strip.json"));
        byte[] images = evidence.get(version + "strip.jpgs");
        List<Double> times = index.thumbnails().stream().map(FilmstripIndex.Thumbnail::seconds).toList();
        assertThat(times).hasSizeLessThanOrEqualTo(Filmstrip.DEFAULT_MAX).isSorted().doesNotHaveDuplicates();
        assertThat(times.get(0)).isLessThan(SPACING);
        assertThat(times.get(times.size() - 1)).isGreaterThan(180 - 2 * SPACING);
        for (double from = 0; from < 180; from += 45) {
            double start = from;
            assertThat(times).as("the segment from " + start + " s").anyMatch(at -> at >= start && at < start + 45);
        }
        for (FilmstripIndex.Thumbnail thumbnail : index.thumbnails()) {
            byte[] jpeg = Arrays.copyOfRange(images, (int) thumbnail.offset(), (int) thumbnail.offset() + thumbnail.length());
            assertThat(ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth()).isEqualTo(Filmstrip.THUMBNAIL_WIDTH);
        }
    }

    private static RecognisedPerson named(VideoResult result, String part) {
        return result.people().stream().filter(person -> person.name().contains(part)).findFirst().orElseThrow();
    }

    private static void assertSameFindings(VideoResult split, VideoResult whole) {
        assertThat(split.status()).isEqualTo(whole.status()).isEqualTo(ResultStatus.RECOGNISED);
        assertThat(split.facesFound()).isEqualTo(whole.facesFound());
        assertThat(split.unknownPeople()).hasSameSizeAs(whole.unknownPeople());
        Map<String, RecognisedPerson> expected = whole.people().stream()
                .collect(Collectors.toMap(RecognisedPerson::name, Function.identity()));
        assertThat(split.people()).extracting(RecognisedPerson::name)
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (RecognisedPerson person : split.people()) {
            RecognisedPerson one = expected.get(person.name());
            assertThat(person.id()).isEqualTo(one.id());
            assertThat(person.appearances()).as(person.name()).hasSameSizeAs(one.appearances());
            for (int i = 0; i < one.appearances().size(); i++) {
                assertThat(person.appearances().get(i).from()).isCloseTo(one.appearances().get(i).from(), within(SPACING));
                assertThat(person.appearances().get(i).to()).isCloseTo(one.appearances().get(i).to(), within(SPACING));
            }
        }
    }

    /** The lecture of the engine's own lecture test: 1280x720, 10 fps, a key frame every 10 s. */
    private static Path lecture(Path videos, Path output) throws Exception {
        Files.createDirectories(output.getParent());
        return new LectureMaker(new LectureMaker.Format(1280, 720, 10, 10)).make(List.of(
                new LectureMaker.Nobody(15),
                new LectureMaker.One(videos.resolve("test_1.mp4"), 30),
                new LectureMaker.Nobody(15),
                new LectureMaker.SideBySide(videos.resolve("test_2.mp4"), videos.resolve("test_7.mp4"), 40),
                new LectureMaker.One(videos.resolve("test_4.mp4"), 12),
                new LectureMaker.Nobody(68)), output);
    }
}
