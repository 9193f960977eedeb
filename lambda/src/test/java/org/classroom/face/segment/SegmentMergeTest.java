package org.classroom.face.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.common.format.FilmstripIndex;
import org.classroom.face.RecognisedVideo;
import org.classroom.face.evidence.BestFrame;
import org.classroom.face.evidence.FaceCrop;
import org.classroom.face.evidence.Filmstrip;
import org.junit.jupiter.api.Test;

/** Synthetic partial results of a 15-minute recording cut into three 5-minute segments. */
class SegmentMergeTest {

    private static final double SPACING = 5;
    private static final Segment FIRST = new Segment(0, 0, 300);
    private static final Segment SECOND = new Segment(1, 300, 600);
    private static final Segment THIRD = new Segment(2, 600, 900);

    private final SegmentMerge merge = new SegmentMerge(1.5 * SPACING, 2.5 * SPACING, 0.5);

    @Test
    void someoneOnScreenAcrossABoundaryIsOneAppearanceWithTheBestViewOfBothSides() {
        VideoResult result = merge.merge("lecture.mp4", List.of(
                partial(SECOND, named("biden", 0.41, 0.3, 300, 340)),
                partial(FIRST, named("biden", 0.35, 0.3, 250, 295)),
                partial(THIRD)));

        assertThat(result.status()).isEqualTo(ResultStatus.RECOGNISED);
        assertThat(result.people()).hasSize(1);
        RecognisedPerson biden = result.people().get(0);
        assertThat(biden.appearances()).containsExactly(new Appearance(250, 340));
        assertThat(biden.distance()).isEqualTo(0.35);
        assertThat(biden.frameSeconds()).as("the best view is the first segment's").isEqualTo(250);
        assertThat(result.facesFound()).isEqualTo(1);
        assertThat(result.unknownFaces()).isZero();
    }

    @Test
    void aSampleMissedJustBeforeABoundaryDoesNotCutTheAppearanceButTheSameGapElsewhereDoes() {
        // The detector missed Mr Bean at 295 s; one run's tracker would have carried him over that sample.
        VideoResult result = merge.merge("lecture.mp4", List.of(
                partial(FIRST, named("bean", 0.30, 2.0, 250, 290), named("biden", 0.3, 0.3, 100, 110),
                        named("biden", 0.3, 0.3, 120, 130)),
                partial(SECOND, named("bean", 0.31, 2.0, 300, 340)),
                partial(THIRD)));

        Map<String, List<Appearance>> appearances = result.people().stream()
                .collect(java.util.stream.Collectors.toMap(RecognisedPerson::name, RecognisedPerson::appearances));
        assertThat(appearances.get("bean")).containsExactly(new Appearance(250, 340));
        assertThat(appearances.get("biden")).as("a 10-s gap inside a segment is the engine's to judge")
                .containsExactly(new Appearance(100, 110), new Appearance(120, 130));
    }

    @Test
    void someoneWhoLeftAndCameBackKeepsTwoAppearancesAndPeopleAreOrderedByDistance() {
        VideoResult result = merge.merge("lecture.mp4", List.of(
                partial(FIRST, named("bean", 0.30, 2.0, 10, 60)),
                partial(SECOND, named("biden", 0.20, 0.3, 400, 420)),
                partial(THIRD, named("bean", 0.33, 2.0, 700, 760))));

        assertThat(result.people()).extracting(RecognisedPerson::name).containsExactly("biden", "bean");
        assertThat(result.people().get(1).appearances())
                .containsExactly(new Appearance(10, 60), new Appearance(700, 760));
    }

    @Test
    void aStrangerSeenInTwoSegmentsIsOnePersonWithTheMostFrontalView() {
        VideoResult result = merge.merge("lecture.mp4", List.of(
                partial(FIRST, unknown(5.0, 0.4, 10, 20)),
                partial(SECOND),
                partial(THIRD, unknown(5.2, 0.9, 700, 720))));

        assertThat(result.status()).isEqualTo(ResultStatus.UNKNOWN_FACE);
        assertThat(result.unknownPeople()).hasSize(1);
        UnknownPerson stranger = result.unknownPeople().get(0);
        assertThat(stranger.appearances()).containsExactly(new Appearance(10, 20), new Appearance(700, 720));
        assertThat(stranger.frameSeconds()).isEqualTo(700);
        assertThat(result.facesFound()).isEqualTo(1);
        assertThat(result.unknownFaces()).isEqualTo(1);
    }

    @Test
    void twoStrangersOneSegmentToldApartStayTwoWhateverTheirFacesLookLike() {
        VideoResult result = merge.merge("lecture.mp4", List.of(
                partial(FIRST, unknown(5.0, 0.5, 10, 20), unknown(5.1, 0.5, 10, 20)),
                partial(SECOND, unknown(5.05, 0.5, 400, 410)),
                partial(THIRD)));

        assertThat(result.unknownPeople()).hasSize(2);
        assertThat(result.unknownPeople()).extracting(person -> person.appearances().size())
                .containsExactlyInAnyOrder(2, 1);
    }

    @Test
    void differentStrangersAreNotJoined() {
        VideoResult result = merge.merge("lecture.mp4", List.of(
                partial(FIRST, unknown(5.0, 0.5, 10, 20)),
                partial(SECOND, unknown(7.0, 0.5, 400, 410)),
                partial(THIRD)));

        assertThat(result.unknownPeople()).hasSize(2);
    }

    @Test
    void theUnnamedRestOfANamedPersonsStretchAfterABoundaryIsThatPerson() {
        VideoResult result = merge.merge("lecture.mp4", List.of(
                partial(FIRST, named("freeman", 0.38, 3.0, 280, 295)),
                partial(SECOND, unknown(3.2, 0.1, 300, 305), unknown(3.1, 0.9, 500, 510)),
                partial(THIRD)));

        assertThat(result.people()).singleElement().satisfies(freeman ->
                assertThat(freeman.appearances()).containsExactly(new Appearance(280, 305)));
        assertThat(result.unknownPeople()).as("the same face far from the boundary stays unknown, as in one run")
                .singleElement().satisfies(other -> assertThat(other.frameSeconds()).isEqualTo(500));
    }

    @Test
    void nobodyAnywhereIsNoFaceAndTheSegmentsTimingsAreSummed() {
        VideoResult result = merge.merge("lecture.mp4", List.of(partial(FIRST), partial(SECOND), partial(THIRD)));

        assertThat(result.status()).isEqualTo(ResultStatus.NO_FACE);
        assertThat(result.timingsMs()).containsEntry("detect", 30.0);
        assertThat(result.durationSeconds()).as("where the last segment ends").isEqualTo(900.0);
    }

    @Test
    void aSegmentThatCouldNotReadTheRecordingMakesTheVideoInvalid() {
        VideoResult result = merge.merge("lecture.mp4", List.of(partial(FIRST),
                PartialResult.invalid(SECOND, "the video's time is up"), partial(THIRD)));

        assertThat(result.status()).isEqualTo(ResultStatus.INVALID_VIDEO);
        assertThat(result.reason()).contains("segment 1").contains("time is up");
    }

    @Test
    void aMissingSegmentIsNeverMergedIntoAResult() {
        assertThatThrownBy(() -> merge.merge("lecture.mp4", List.of(partial(FIRST), partial(THIRD))))
                .hasMessageContaining("do not cover");
        assertThatThrownBy(() -> merge.merge("lecture.mp4", List.of(partial(SECOND), partial(THIRD))))
                .hasMessageContaining("do not cover");
    }

    @Test
    void eachPersonsCropIsTheOneOfTheirBestViewOverAllSegmentsLabelledAsTheResultListsThem() {
        RecognisedVideo merged = merge.mergeWithCrops("lecture.mp4", List.of(
                partial(FIRST, withCrop(named("biden", 0.45, 0.3, 250, 295), "biden-first"),
                        withCrop(unknown(3.0, 0.9, 100, 120), "boy-first")),
                partial(SECOND, withCrop(named("biden", 0.35, 0.3, 300, 340), "biden-second"),
                        withCrop(unknown(3.1, 0.5, 400, 420), "boy-second")),
                partial(THIRD, named("bean", 0.3, 2.0, 700, 720))));

        assertThat(merged.result().people()).extracting(RecognisedPerson::name).containsExactly("bean", "biden");
        assertThat(merged.result().unknownPeople()).hasSize(1);
        assertThat(merged.crops()).as("bean's segment kept no crop: none for him")
                .extracting(FaceCrop::person, crop -> new String(crop.jpeg(), StandardCharsets.US_ASCII), FaceCrop::frameSeconds)
                .containsExactlyInAnyOrder(tuple("biden", "biden-second", 300.0), tuple("unknown-1", "boy-first", 100.0));
    }

    @Test
    void eachPersonsFrameIsTheOneOfTheirBestViewWithTheOthersInItLabelledAsTheResultListsThem() {
        FaceBox xBox = new FaceBox(10, 10, 5, 5);
        FaceBox boyBox = new FaceBox(20, 20, 5, 5);
        // In the second segment the stranger X is its unknown-1 and the boy its unknown-2; in the result the boy,
        // first seen in the first segment, is unknown-1 and X unknown-2.
        RecognisedVideo merged = merge.mergeWithCrops("lecture.mp4", List.of(
                partial(FIRST, List.of(frame(250, "biden-first", "biden"), frame(100, "boy-first", "unknown-1")),
                        List.of(), named("biden", 0.45, 0.3, 250, 295), unknown(3.0, 0.9, 100, 120)),
                partial(SECOND, List.of(new SegmentFrame(300_000, 1280, 720, bytes("biden-second"), List.of(
                                new BestFrame.Face("biden", new FaceBox(1, 2, 3, 4)), new BestFrame.Face("unknown-1", xBox),
                                new BestFrame.Face("unknown-2", boyBox), new BestFrame.Face("unknown-9", xBox)))),
                        List.of(), named("biden", 0.35, 0.3, 300, 340), unknown(5.0, 0.9, 400, 420),
                        unknown(3.05, 0.5, 300, 330)),
                partial(THIRD, named("bean", 0.3, 2.0, 700, 720))));

        assertThat(merged.result().unknownPeople()).extracting(UnknownPerson::frameSeconds).containsExactly(100.0, 400.0);
        assertThat(merged.frames()).as("bean's and X's segments kept no frame of them: none")
                .extracting(BestFrame::person, frame -> new String(frame.jpeg(), StandardCharsets.US_ASCII),
                        BestFrame::millis, BestFrame::frameWidth)
                .containsExactlyInAnyOrder(tuple("biden", "biden-second", 300_000L, 1280),
                        tuple("unknown-1", "boy-first", 100_000L, 1280));
        BestFrame biden = merged.frames().stream().filter(frame -> frame.person().equals("biden")).findFirst().orElseThrow();
        assertThat(biden.others()).as("relabelled; someone the segment could not tell is left out")
                .containsExactlyInAnyOrder(new BestFrame.Face("unknown-1", boyBox), new BestFrame.Face("unknown-2", xBox));
    }

    @Test
    void theSegmentsThumbnailsMakeOneFilmstripOfTheWholeRecordingInOrderOfTime() {
        RecognisedVideo merged = merge.mergeWithCrops("lecture.mp4", List.of(
                partial(THIRD, List.of(), thumbnails(600, 700, 800)),
                partial(FIRST, List.of(), thumbnails(0, 100, 200), named("biden", 0.35, 0.3, 250, 295)),
                partial(SECOND, List.of(), thumbnails(300, 400, 500))));

        FilmstripIndex index = merged.filmstrip().index();
        assertThat(index.thumbnails()).extracting(FilmstripIndex.Thumbnail::seconds)
                .containsExactly(0.0, 100.0, 200.0, 300.0, 400.0, 500.0, 600.0, 700.0, 800.0);
        FilmstripIndex.Thumbnail last = index.thumbnails().get(8);
        assertThat(new String(merged.filmstrip().images(), (int) last.offset(), last.length(), StandardCharsets.US_ASCII))
                .isEqualTo("thumb-800");
    }

    @Test
    void theMergedFilmstripIsThinnedEvenlyToItsLimitStillCoveringTheWholeRecording() {
        SegmentMerge limited = new SegmentMerge(1.5 * SPACING, 2.5 * SPACING, 0.5, 4);
        RecognisedVideo merged = limited.mergeWithCrops("lecture.mp4", List.of(
                partial(FIRST, List.of(), thumbnails(0, 100, 200), named("biden", 0.35, 0.3, 250, 295)),
                partial(SECOND, List.of(), thumbnails(300, 400, 500)),
                partial(THIRD, List.of(), thumbnails(600, 700, 800))));

        assertThat(merged.filmstrip().index().thumbnails()).extracting(FilmstripIndex.Thumbnail::seconds)
                .containsExactly(0.0, 200.0, 400.0, 600.0);
    }

    @Test
    void nobodyAnywhereKeepsNoFilmstripAsAVideoDoneWhole() {
        RecognisedVideo merged = merge.mergeWithCrops("lecture.mp4", List.of(partial(FIRST, List.of(), thumbnails(0)),
                partial(SECOND, List.of(), thumbnails(300)), partial(THIRD, List.of(), thumbnails(600))));

        assertThat(merged.filmstrip()).isNull();
        assertThat(merged.frames()).isEmpty();
    }

    private static SegmentFrame frame(double seconds, String jpeg, String... people) {
        return new SegmentFrame(Math.round(seconds * 1000), 1280, 720, bytes(jpeg), java.util.Arrays.stream(people)
                .map(person -> new BestFrame.Face(person, new FaceBox(1, 2, 3, 4))).toList());
    }

    private static List<Filmstrip.Thumbnail> thumbnails(double... seconds) {
        return java.util.Arrays.stream(seconds).mapToObj(at -> new Filmstrip.Thumbnail(at,
                bytes("thumb-" + Math.round(at)))).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static PartialResult partial(Segment segment, List<SegmentFrame> frames,
                                         List<Filmstrip.Thumbnail> thumbnails, SegmentPerson... people) {
        return new PartialResult(segment, List.of(people), 60, Map.of("detect", 10.0), null, frames, thumbnails);
    }

    private static SegmentPerson withCrop(SegmentPerson person, String jpeg) {
        return new SegmentPerson(person.name(), person.distance(), person.box(), person.frameSeconds(),
                person.frontality(), person.appearances(), person.descriptors(), jpeg.getBytes(StandardCharsets.US_ASCII));
    }

    private static PartialResult partial(Segment segment, SegmentPerson... people) {
        return new PartialResult(segment, List.of(people), 60, Map.of("detect", 10.0), null);
    }

    private static SegmentPerson named(String name, double distance, double face, double from, double to) {
        return new SegmentPerson(name, distance, new FaceBox(1, 2, 3, 4), from, 0.8,
                List.of(new Appearance(from, to)), List.of(descriptor(face)));
    }

    private static SegmentPerson unknown(double face, double frontality, double from, double to) {
        return new SegmentPerson(null, null, new FaceBox(1, 2, 3, 4), from, frontality,
                List.of(new Appearance(from, to)), List.of(descriptor(face)));
    }

    /** Descriptors whose distance is the difference of their {@code face} numbers. */
    private static double[] descriptor(double face) {
        double[] encoding = new double[128];
        encoding[0] = face;
        return encoding;
    }
}
