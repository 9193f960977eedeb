package org.classroom.face.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.segment.PartialResult;
import org.classroom.face.segment.Segment;
import org.classroom.face.segment.SegmentPerson;
import org.classroom.face.segment.SegmentPlan;
import org.classroom.face.video.SamplingOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine on segments of the {@link ThreeMinuteLecture} (Biden 15–45 s, Mr Bean and
 * Morgan Freeman 60–100, Johnny Depp 100–112): a segment finds only who is on screen in it, at their times in the
 * whole recording, and the merge of all segments says what one run over the whole recording says.
 */
class SegmentedLectureTest {

    private static final double SPACING = SamplingOptions.DEFAULT_MAX_SPACING_SECONDS;

    private static Path lecture;
    private static Gallery gallery;
    private static FaceEngine engine;

    @BeforeAll
    static void build() throws Exception {
        gallery = ThreeMinuteLecture.gallery();
        lecture = ThreeMinuteLecture.file();
        engine = FaceEngine.load(EngineOptions.defaults());
    }

    @AfterAll
    static void cleanUp() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aSegmentFindsOnlyWhoIsOnScreenInItAtTheirTimesInTheWholeRecording() {
        PartialResult partial = engine.recogniseSegment(lecture, "lecture.mp4", gallery, new Segment(1, 50, 105));

        assertThat(partial.valid()).isTrue();
        assertThat(partial.people()).extracting(SegmentPerson::name)
                .containsExactlyInAnyOrder("mr_bean", "morgan_freeman", "johnny_dep");
        Map<String, SegmentPerson> byName = partial.people().stream()
                .collect(Collectors.toMap(SegmentPerson::name, Function.identity()));
        Appearance bean = byName.get("mr_bean").appearances().get(0);
        assertThat(bean.from()).isBetween(60.0, 60.0 + SPACING);
        assertThat(bean.to()).isBetween(100.0 - SPACING, 100.0);
        Appearance depp = byName.get("johnny_dep").appearances().get(0);
        assertThat(depp.from()).isBetween(100.0, 105.0);
        assertThat(depp.to()).isLessThan(105.0);
        assertThat(partial.people()).allSatisfy(person -> {
            assertThat(person.descriptors()).isNotEmpty().allSatisfy(d -> assertThat(d).hasSize(128));
            assertThat(person.frameSeconds()).isBetween(50.0, 105.0);
        });
    }

    @Test
    void theMergedSegmentsSayWhatOneRunOverTheWholeRecordingSays() {
        VideoResult whole = engine.recognise(lecture, "lecture.mp4", gallery);
        // 45-s segments: Mr Bean and Morgan Freeman are on screen across the boundary at 90 s.
        List<Segment> segments = new SegmentPlan(50, 10, SPACING).split(180);
        assertThat(segments).hasSize(4);
        List<PartialResult> partials = new ArrayList<>();
        for (Segment segment : segments) {
            partials.add(engine.recogniseSegment(lecture, "lecture.mp4", gallery, segment));
        }

        VideoResult merged = engine.options().segmentMerge().merge("lecture.mp4", partials);

        assertThat(merged.status()).isEqualTo(whole.status());
        assertThat(merged.facesFound()).isEqualTo(whole.facesFound());
        assertThat(merged.unknownPeople()).isEmpty();
        Map<String, RecognisedPerson> wholeByName = whole.people().stream()
                .collect(Collectors.toMap(RecognisedPerson::name, Function.identity()));
        assertThat(merged.people()).extracting(RecognisedPerson::name)
                .containsExactlyInAnyOrderElementsOf(wholeByName.keySet());
        for (RecognisedPerson person : merged.people()) {
            List<Appearance> expected = wholeByName.get(person.name()).appearances();
            assertThat(person.appearances()).as(person.name()).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(person.appearances().get(i).from()).as(person.name() + " from")
                        .isCloseTo(expected.get(i).from(), org.assertj.core.api.Assertions.within(SPACING));
                assertThat(person.appearances().get(i).to()).as(person.name() + " to")
                        .isCloseTo(expected.get(i).to(), org.assertj.core.api.Assertions.within(SPACING));
            }
        }
    }
}
