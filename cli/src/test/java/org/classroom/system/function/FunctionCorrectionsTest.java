package org.classroom.system.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.classroom.common.config.SampleData;
import org.classroom.common.format.EnrolmentKeys;
import org.classroom.common.format.FaceReference;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.common.students.EnrolledFaces;
import org.classroom.common.students.FaceRejection;
import org.classroom.common.students.FaceRejections;
import org.classroom.function.runtime.Engines;
import org.classroom.function.runtime.FunctionSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The function's side of corrections against the local cloud, with the real engine on test_5: a face enrolled
 * by its place in a result, a re-upload matched again only when the gallery or the corrections changed, and
 * "not this student" applied to every later run.
 */
class FunctionCorrectionsTest {

    private static final String FUNCTION = "corrections";
    private static final FunctionSettings SETTINGS = FunctionSettings.defaults().withRetries(2, Duration.ofMillis(50));

    private static FunctionCloud system;
    private static FaultAfter engine;

    @BeforeAll
    static void startSystem() {
        Assumptions.assumeTrue(SampleData.find().isPresent(), SampleData.missingMessage());
        Path samples = SampleData.find().orElseThrow();
        system = FunctionCloud.start(samples);
        engine = new FaultAfter(Engines.faceEngine().get(), 0, () -> { });
        system.register(FUNCTION, () -> engine, SETTINGS);
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
        system.table.delete("new_boy");
    }

    @Test
    void theUnknownBoyEnrolledFromHisPlaceInTheResultIsNamedWhenTheClipIsUploadedAgain() {
        VideoResult first = process("test_5.mp4");
        UnknownPerson boy = first.unknownPeople().get(0);
        int runs = engine.calls();

        String key = EnrolmentKeys.faceKey("new_boy", UUID.randomUUID().toString());
        system.upload(key, new FaceReference(EnrolmentKeys.faceRequest(key), "test_5.mp4", first.etag(),
                boy.frameSeconds(), boy.box()).toJson());
        VideoResult enrolled = invokeNext().get(key);
        assertThat(enrolled.status()).isEqualTo(ResultStatus.RECOGNISED);
        assertThat(enrolled.people()).extracting(RecognisedPerson::name).containsExactly("new_boy");
        assertThat(system.table.gallery().get("new_boy")).hasSize(1);
        assertThat(engine.calls()).as("an enrolment is no recognition").isEqualTo(runs);

        VideoResult again = process("test_5.mp4");
        assertThat(engine.calls()).as("matched again: the gallery changed").isEqualTo(runs + 1);
        assertThat(again.people()).extracting(RecognisedPerson::name).containsExactlyInAnyOrder("vin_diesel", "new_boy");
        assertThat(again.unknownPeople()).isEmpty();
        assertThat(system.outputObjects().get("test_5")).contains("vin_diesel").contains("new_boy");

        process("test_5.mp4");
        assertThat(engine.calls()).as("nothing changed since: the stored result is sent").isEqualTo(runs + 1);

        // Its undo takes the encoding out again; the next upload is matched against that.
        assertThat(new EnrolledFaces(system.dynamoDb, system.config.table())
                .remove("new_boy", EnrolmentKeys.faceRequest(key))).isTrue();
        assertThat(system.table.gallery()).doesNotContainKey("new_boy");
        VideoResult undone = process("test_5.mp4");
        assertThat(undone.people()).extracting(RecognisedPerson::name).containsExactly("vin_diesel");
        assertThat(undone.unknownPeople()).hasSize(1);
    }

    @Test
    void aFaceOfAVideoReplacedSinceItsResultIsNotEnrolled() {
        process("test_5.mp4");
        String key = EnrolmentKeys.faceKey("new_boy", UUID.randomUUID().toString());
        system.upload(key, new FaceReference(EnrolmentKeys.faceRequest(key), "test_5.mp4", "\"0123456789abcdef\"", 0.0,
                new FaceBox(1215, 256, 276, 381)).toJson());

        VideoResult refused = invokeNext().get(key);

        assertThat(refused.status()).isEqualTo(ResultStatus.INVALID_VIDEO);
        assertThat(refused.reason()).isEqualTo("not enrolled: test_5.mp4 was replaced since that result; "
                + "enrol from its new result");
        assertThat(system.table.gallery()).doesNotContainKey("new_boy");
    }

    @Test
    void notThisStudentMakesThatFaceUnknownInTheNextRunAndItsUndoNamesItAgain() {
        VideoResult first = process("test_5.mp4");
        RecognisedPerson vin = first.people().get(0);
        FaceRejections rejections = new FaceRejections(system.dynamoDb, system.config.table());
        FaceRejection rejection = new FaceRejection("r-1", "vin_diesel", "test_5.mp4", vin.frameSeconds(), vin.box());
        rejections.add(rejection);

        VideoResult corrected = process("test_5.mp4");

        assertThat(corrected.people()).isEmpty();
        assertThat(corrected.status()).isEqualTo(ResultStatus.UNKNOWN_FACE);
        assertThat(corrected.unknownPeople()).extracting(UnknownPerson::box).contains(vin.box());
        assertThat(system.outputObjects().get("test_5")).isEmpty();

        rejections.remove("vin_diesel", "r-1");
        assertThat(process("test_5.mp4").people()).extracting(RecognisedPerson::name).containsExactly("vin_diesel");
    }

    /** Uploads the clip (again), has the function take the event, and gives the result it published. */
    private static VideoResult process(String clip) {
        system.upload(clip, system.clip(clip));
        return invokeNext().get(clip);
    }

    private static Map<String, VideoResult> invokeNext() {
        assertThat(system.invoke(FUNCTION, system.sqsEvent(system.takeNotifications(1))).failedMessageIds()).isEmpty();
        List<VideoResult> sent = system.drainOutputQueue();
        assertThat(sent).hasSize(1);
        return Map.of(sent.get(0).video(), sent.get(0));
    }
}
