package org.classroom.system.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.classroom.common.config.SampleData;
import org.classroom.common.events.ETags;
import org.classroom.common.format.EvidenceKeys;
import org.classroom.common.format.FilmstripIndex;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.function.runtime.Engines;
import org.classroom.function.runtime.FunctionSettings;
import org.classroom.system.function.ExpectedAnswers.Answer;
import org.classroom.system.function.FunctionCloud.Invocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's evidence, with the real engine and two course clips through the local cloud: each person's face
 * crop and best-view frame land in the evidence bucket with the clip's filmstrip, the JSON result names them, and
 * the output bucket stays the course's CSV.
 */
class FunctionEvidenceTest {

    private static final String FUNCTION = "classroom-recognise";

    private static FunctionCloud system;
    private static Map<String, Answer> answers;

    @BeforeAll
    static void startSystem() {
        Assumptions.assumeTrue(SampleData.find().isPresent(), SampleData.missingMessage());
        Path samples = SampleData.find().orElseThrow();
        answers = ExpectedAnswers.read(samples);
        system = FunctionCloud.start(samples);
        system.register(FUNCTION, Engines.faceEngine(),
                FunctionSettings.defaults().withRetries(2, Duration.ofMillis(50)));
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @BeforeEach
    void emptyBucketsAndQueues() {
        system.reset();
    }

    @Test
    void theStudentAndTheUnknownBoyEachLeaveAJpegCropThatTheResultNamesAndTheOutputBucketHoldsOnlyTheCsv() {
        String trumpTag = ETags.normalise(system.upload("test_0.mp4", system.clip("test_0.mp4")));
        String dieselTag = ETags.normalise(system.upload("test_5.mp4", system.clip("test_5.mp4")));

        Invocation invocation = system.invoke(FUNCTION, system.sqsEvent(system.takeNotifications(2)));

        assertThat(invocation.failedMessageIds()).isEmpty();
        assertThat(system.outputObjects()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "test_0", answers.get("test_0.mp4").seedLine(),
                "test_5", answers.get("test_5.mp4").seedLine()));
        String trumpCrop = "crops/test_0.mp4/" + trumpTag + "/president_trump.jpg";
        String dieselCrop = "crops/test_5.mp4/" + dieselTag + "/vin_diesel.jpg";
        String boyCrop = "crops/test_5.mp4/" + dieselTag + "/unknown-1.jpg";
        Map<String, byte[]> crops = new TreeMap<>(system.evidenceObjects());
        crops.keySet().removeIf(key -> !key.startsWith("crops/"));
        assertThat(crops).containsOnlyKeys(trumpCrop, dieselCrop, boyCrop);
        crops.forEach((key, jpeg) -> assertPlausibleFace(key, jpeg));

        Map<String, VideoResult> results = system.results();
        assertThat(results.get("test_0.mp4").people()).extracting(RecognisedPerson::crop).containsExactly(trumpCrop);
        VideoResult withBoy = results.get("test_5.mp4");
        assertThat(withBoy.people()).extracting(RecognisedPerson::crop).containsExactly(dieselCrop);
        assertThat(withBoy.unknownPeople()).first().satisfies(boy -> assertThat(boy.crop()).isEqualTo(boyCrop));
        assertThat(system.drainOutputQueue()).filteredOn(result -> result.video().equals("test_0.mp4"))
                .singleElement().satisfies(message -> assertThat(message.people().get(0).crop()).isEqualTo(trumpCrop));
    }

    @Test
    void theFrameOfEachBestViewAndAFilmstripAreKeptAndTheResultNamesTheFrameWithTheBoxesInIt() throws IOException {
        String trumpTag = ETags.normalise(system.upload("test_0.mp4", system.clip("test_0.mp4")));
        String dieselTag = ETags.normalise(system.upload("test_5.mp4", system.clip("test_5.mp4")));

        Invocation invocation = system.invoke(FUNCTION, system.sqsEvent(system.takeNotifications(2)));

        assertThat(invocation.failedMessageIds()).isEmpty();
        assertThat(system.outputObjects()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "test_0", answers.get("test_0.mp4").seedLine(),
                "test_5", answers.get("test_5.mp4").seedLine()));
        Map<String, VideoResult> results = system.results();
        Map<String, byte[]> evidence = system.evidenceObjects();
        RecognisedPerson trump = results.get("test_0.mp4").people().get(0);
        assertThat(trump.frame()).startsWith("frames/test_0.mp4/" + trumpTag + "/"
                + Math.round(trump.frameSeconds() * 1000) + "-");
        VideoResult withBoy = results.get("test_5.mp4");
        List<String> test5Frames = new ArrayList<>();
        test5Frames.add(withBoy.people().get(0).frame());
        test5Frames.add(withBoy.unknownPeople().get(0).frame());
        assertThat(test5Frames).allSatisfy(key -> assertThat(key).startsWith("frames/test_5.mp4/" + dieselTag + "/"));
        for (String key : List.of(trump.frame(), test5Frames.get(0), test5Frames.get(1))) {
            EvidenceKeys.FrameSize size = EvidenceKeys.frameSize(key).orElseThrow();
            BufferedImage picture = decoded(key, evidence.get(key));
            assertThat(Math.max(picture.getWidth(), picture.getHeight())).as(key).isLessThanOrEqualTo(640);
            assertThat((double) picture.getWidth() / picture.getHeight()).as(key + " keeps the frame's proportions")
                    .isCloseTo((double) size.width() / size.height(), within(0.01));
        }
        FaceBox box = trump.box();
        EvidenceKeys.FrameSize trumpSize = EvidenceKeys.frameSize(trump.frame()).orElseThrow();
        assertThat(box.x() + box.width()).as("the box lies in the frame it names").isLessThanOrEqualTo(trumpSize.width());
        assertThat(box.y() + box.height()).isLessThanOrEqualTo(trumpSize.height());
        for (String video : List.of("test_0.mp4/" + trumpTag, "test_5.mp4/" + dieselTag)) {
            FilmstripIndex index = FilmstripIndex.fromJson(evidence.get("frames/" + video + "/strip.json"));
            byte[] images = evidence.get("frames/" + video + "/strip.jpgs");
            assertThat(index.thumbnails()).as(video).isNotEmpty();
            for (FilmstripIndex.Thumbnail thumbnail : index.thumbnails()) {
                byte[] jpeg = Arrays.copyOfRange(images, (int) thumbnail.offset(),
                        (int) thumbnail.offset() + thumbnail.length());
                assertThat(decoded(video, jpeg).getWidth()).isEqualTo(160);
            }
        }
        assertThat(evidence.keySet()).allSatisfy(key -> assertThat(key).matches("(crops|frames)/.+"));
    }

    @Test
    void withoutTheEvidenceBucketTheResultComesOutAllTheSameWithoutCrops() {
        String bucket = system.config.evidenceBucket();
        system.s3.deleteBucket(request -> request.bucket(bucket));
        try {
            system.upload("test_0.mp4", system.clip("test_0.mp4"));

            Invocation invocation = system.invoke(FUNCTION, system.sqsEvent(system.takeNotifications(1)));

            assertThat(invocation.failedMessageIds()).isEmpty();
            assertThat(system.outputObjects()).containsExactly(Map.entry("test_0", answers.get("test_0.mp4").seedLine()));
            assertThat(system.results().get("test_0.mp4").people()).singleElement().satisfies(person -> {
                assertThat(person.name()).isEqualTo("president_trump");
                assertThat(person.crop()).isNull();
                assertThat(person.frame()).isNull();
            });
        } finally {
            system.s3.createBucket(request -> request.bucket(bucket));
        }
    }

    private static BufferedImage decoded(String key, byte[] jpeg) {
        assertThat(jpeg).as(key).isNotNull().startsWith((byte) 0xFF, (byte) 0xD8);
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertThat(image).as(key + " decodes").isNotNull();
            return image;
        } catch (IOException e) {
            throw new AssertionError(key + " does not decode", e);
        }
    }

    /** A JPEG any viewer decodes, of a face's size: not a whole frame, not a few pixels. */
    private static void assertPlausibleFace(String key, byte[] jpeg) {
        assertThat(jpeg).as(key).startsWith((byte) 0xFF, (byte) 0xD8).hasSizeBetween(1_000, 40_000);
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new AssertionError(key + " does not decode", e);
        }
        assertThat(image).as(key + " decodes").isNotNull();
        assertThat(Math.max(image.getWidth(), image.getHeight())).as(key).isBetween(40, 160);
    }
}
