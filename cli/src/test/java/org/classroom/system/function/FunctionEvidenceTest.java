package org.classroom.system.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.imageio.ImageIO;
import org.classroom.common.config.SampleData;
import org.classroom.common.events.ETags;
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
 * crop lands in the evidence bucket, the JSON result names it, and the output bucket stays the course's CSV.
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
        Map<String, byte[]> crops = system.evidenceObjects();
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
            });
        } finally {
            system.s3.createBucket(request -> request.bucket(bucket));
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
