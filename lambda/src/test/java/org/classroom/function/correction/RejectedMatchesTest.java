package org.classroom.function.correction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.FrameBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.common.students.FaceRejection;
import org.junit.jupiter.api.Test;

/** "Not this student" applied to a video's result: the rejected face is reported unknown, nothing else changes. */
class RejectedMatchesTest {

    private static final FaceBox TRUMP = new FaceBox(412, 88, 170, 170);
    private static final FaceBox BEAN = new FaceBox(900, 100, 160, 160);

    private final List<FaceRejection> table = new ArrayList<>();
    private final RejectionCache cache = new RejectionCache(() -> List.copyOf(table), Duration.ZERO,
            Clock.fixed(Instant.parse("2026-11-29T08:00:00Z"), ZoneOffset.UTC));
    private final RejectedMatches corrections = new RejectedMatches(cache);

    @Test
    void theRejectedFaceBecomesAnUnknownPersonWithItsViewAndCrop() {
        table.add(new FaceRejection("r1", "president_trump", "test_0.mp4", 0.0, new FaceBox(414, 90, 168, 170)));

        VideoResult corrected = corrections.apply(result("test_0.mp4", person("president_trump", TRUMP)));

        assertThat(corrected.people()).isEmpty();
        assertThat(corrected.status()).isEqualTo(ResultStatus.UNKNOWN_FACE);
        assertThat(corrected.unknownFaces()).isEqualTo(1);
        assertThat(corrected.facesFound()).isEqualTo(1);
        assertThat(corrected.unknownPeople()).singleElement().isEqualTo(new UnknownPerson(TRUMP, 0.5,
                List.of(new Appearance(0.0, 2.0)), "crops/test_0.mp4/e/president_trump.jpg"));
        assertThat(corrected.sequencer()).isEqualTo("0001");
    }

    @Test
    void theRejectedFaceKeepsItsFrameAndWhereItIsInOthersFrames() {
        table.add(new FaceRejection("r1", "president_trump", "test_0.mp4", 0.0, new FaceBox(414, 90, 168, 170)));
        FrameBox elsewhere = new FrameBox("frames/test_0.mp4/e/1500-1920x1080.jpg", new FaceBox(1, 2, 30, 40));

        VideoResult corrected = corrections.apply(result("test_0.mp4", person("president_trump", TRUMP)
                .withFrame("frames/test_0.mp4/e/500-1920x1080.jpg").withSeenIn(List.of(elsewhere))));

        assertThat(corrected.unknownPeople()).singleElement().satisfies(stranger -> {
            assertThat(stranger.frame()).isEqualTo("frames/test_0.mp4/e/500-1920x1080.jpg");
            assertThat(stranger.seenIn()).containsExactly(elsewhere);
        });
    }

    @Test
    void onlyThatStudentAtThatPlaceInThatVideoIsTakenOff() {
        table.add(new FaceRejection("r1", "president_trump", "test_0.mp4", 0.0, TRUMP));
        table.add(new FaceRejection("r2", "mr_bean", "test_0.mp4", 0.0, TRUMP));
        table.add(new FaceRejection("r3", "mr_bean", "test_1.mp4", 0.0, BEAN));

        VideoResult both = result("test_0.mp4", person("president_trump", TRUMP), person("mr_bean", BEAN));
        VideoResult corrected = corrections.apply(both);

        assertThat(corrected.people()).extracting(RecognisedPerson::name).containsExactly("mr_bean");
        assertThat(corrected.status()).isEqualTo(ResultStatus.RECOGNISED);
        assertThat(corrected.unknownPeople()).extracting(UnknownPerson::box).containsExactly(TRUMP);
    }

    @Test
    void aResultWithoutRejectionsIsLeftAsItIs() {
        VideoResult result = result("test_0.mp4", person("president_trump", TRUMP));
        assertThat(corrections.apply(result)).isSameAs(result);
    }

    @Test
    void theStampChangesWhenARejectionIsAddedOrUndone() {
        String none = cache.freshStamp();
        table.add(new FaceRejection("r1", "president_trump", "test_0.mp4", 0.0, TRUMP));
        String one = cache.freshStamp();
        table.clear();

        assertThat(one).isNotEqualTo(none);
        assertThat(cache.freshStamp()).isEqualTo(none);
    }

    private static RecognisedPerson person(String name, FaceBox box) {
        return new RecognisedPerson(name, 5, "physics", "junior", 0.39, box, 0.5, List.of(new Appearance(0.0, 2.0)),
                "crops/test_0.mp4/e/" + name + ".jpg");
    }

    private static VideoResult result(String video, RecognisedPerson... people) {
        return new VideoResult(video, ResultStatus.RECOGNISED, List.of(people), people.length, 0, null, "e",
                Map.of(), Instant.now(), List.of(), "0001");
    }
}
