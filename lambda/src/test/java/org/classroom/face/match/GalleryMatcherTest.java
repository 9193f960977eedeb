package org.classroom.face.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.FaceBox;
import org.classroom.face.gallery.Gallery;
import org.junit.jupiter.api.Test;

/**
 * Synthetic encodings placed at known distances: ada at the origin, bob 1.0 along the first axis,
 * cyd 1.0 along the second. A point (x, y) is sqrt(x² + y²) from ada.
 */
class GalleryMatcherTest {

    private static final double FRONTAL = 0.9;

    private final Gallery gallery = gallery(Map.of(
            "ada", point(0, 0),
            "bob", point(1.0, 0),
            "cyd", point(0, 1.0)));
    private final GalleryMatcher matcher = new GalleryMatcher(gallery, MatchPolicy.defaults());

    @Test
    void namesTheNearestPersonWithinTolerance() {
        MatchOutcome outcome = matcher.match(List.of(seen(point(0.3, 0.2), 0)));
        assertThat(outcome.people()).singleElement().satisfies(person -> {
            assertThat(person.name()).isEqualTo("ada");
            assertThat(person.distance()).isCloseTo(Math.hypot(0.3, 0.2), within(1e-9));
            assertThat(person.box()).isEqualTo(new FaceBox(0, 0, 10, 10));
        });
        assertThat(outcome.facesFound()).isEqualTo(1);
        assertThat(outcome.unknownFaces()).isZero();
    }

    @Test
    void leavesAFaceBeyondTheToleranceUnknown() {
        // 0.61 from ada and further from the others: close, but not a match.
        MatchOutcome outcome = matcher.match(List.of(seen(point(-0.61, 0), 0)));
        assertThat(outcome.people()).isEmpty();
        assertThat(outcome.facesFound()).isEqualTo(1);
        assertThat(outcome.unknownFaces()).isEqualTo(1);
        assertThat(outcome.faces().get(0).reason()).isEqualTo(GalleryMatcher.TOO_FAR);
        assertThat(outcome.faces().get(0).candidate().name()).isEqualTo("ada");
    }

    @Test
    void theToleranceIsConfigurable() {
        FaceObservation face = seen(point(-0.55, 0), 0);
        assertThat(matcher.match(List.of(face)).people()).hasSize(1);
        GalleryMatcher strict = new GalleryMatcher(gallery, MatchPolicy.defaults().withTolerance(0.5));
        assertThat(strict.match(List.of(face)).people()).isEmpty();
    }

    @Test
    void countsTheSamePersonOverSeveralFramesOnceWithTheBestDistance() {
        MatchOutcome outcome = matcher.match(List.of(
                seen(point(0.4, 0), 0),
                seen(point(0.2, 0.05), 1),
                seen(point(0.35, -0.1), 2)));
        assertThat(outcome.facesFound()).isEqualTo(1);
        assertThat(outcome.faces().get(0).frames()).isEqualTo(3);
        assertThat(outcome.people()).singleElement().satisfies(person -> {
            assertThat(person.name()).isEqualTo("ada");
            assertThat(person.distance()).isCloseTo(Math.hypot(0.2, 0.05), within(1e-9));
            assertThat(person.frameSeconds()).isEqualTo(0.5);
        });
    }

    @Test
    void twoFacesInOneFrameAreTwoFacesEvenWhenAlike() {
        MatchOutcome alike = matcher.match(List.of(seen(point(0.1, 0), 0), seen(point(0.3, 0), 0)));
        assertThat(alike.facesFound()).isEqualTo(2);
        assertThat(alike.people()).singleElement().satisfies(person -> {
            assertThat(person.name()).isEqualTo("ada");
            assertThat(person.distance()).isCloseTo(0.1, within(1e-9));
        });

        MatchOutcome two = matcher.match(List.of(
                seen(point(0.1, 0), 0),
                seen(point(0.95, 0), 0),
                seen(point(0.12, 0), 1)));
        assertThat(two.facesFound()).isEqualTo(2);
        assertThat(two.people()).extracting(PersonMatch::name).containsExactly("bob", "ada");
    }

    @Test
    void aFaceAboutAsNearToTwoPeopleIsNotNamed() {
        // 0.5 from ada, 0.52 from bob: within tolerance of both, clearly nearer to neither.
        double x = (1 + 0.5 * 0.5 - 0.52 * 0.52) / 2;
        double y = Math.sqrt(0.25 - x * x);
        FaceObservation face = seen(point(x, y), 0);
        MatchOutcome outcome = matcher.match(List.of(face));
        assertThat(outcome.people()).isEmpty();
        assertThat(outcome.faces().get(0).reason()).isEqualTo(GalleryMatcher.AMBIGUOUS);
        assertThat(outcome.faces().get(0).candidate().margin()).isCloseTo(0.02, within(1e-9));
        // plain nearest neighbour would have named ada
        assertThat(new GalleryMatcher(gallery, MatchPolicy.defaults().plain()).match(List.of(face)).people())
                .extracting(PersonMatch::name).containsExactly("ada");
    }

    @Test
    void aFaceTurnedAwayIsCountedButNotNamed() {
        FaceObservation profile = new FaceObservation(point(0.3, 0), new FaceBox(0, 0, 10, 10), 0, 0, 0.1);
        MatchOutcome outcome = matcher.match(List.of(profile));
        assertThat(outcome.people()).isEmpty();
        assertThat(outcome.unknownFaces()).isEqualTo(1);
        assertThat(outcome.faces().get(0).reason()).isEqualTo(GalleryMatcher.TURNED_AWAY);
        // the same face frontal in a later frame is named
        MatchOutcome later = matcher.match(List.of(profile, seen(point(0.32, 0), 1)));
        assertThat(later.facesFound()).isEqualTo(1);
        assertThat(later.people()).extracting(PersonMatch::name).containsExactly("ada");
        assertThat(later.people().get(0).distance()).isCloseTo(0.32, within(1e-9));
    }

    @Test
    void theMajorityOfAFacesFramesDecidesItsName() {
        // One face drifting between ada and cyd: two frames say cyd, one says ada.
        MatchOutcome outcome = matcher.match(List.of(
                seen(point(0, 0.42), 0),
                seen(point(0, 0.58), 1),
                seen(point(0, 0.60), 2)));
        assertThat(outcome.facesFound()).isEqualTo(1);
        assertThat(outcome.people()).extracting(PersonMatch::name).containsExactly("cyd");
        assertThat(outcome.people().get(0).distance()).isCloseTo(0.40, within(1e-9));
    }

    @Test
    void anEmptyGalleryNamesNoOne() {
        GalleryMatcher empty = new GalleryMatcher(Gallery.empty(), MatchPolicy.defaults());
        MatchOutcome outcome = empty.match(List.of(seen(point(0, 0), 0)));
        assertThat(outcome.people()).isEmpty();
        assertThat(outcome.unknownFaces()).isEqualTo(1);
    }

    @Test
    void aPersonWithSeveralEncodingsIsMatchedByTheNearest() {
        Map<String, List<double[]>> people = new LinkedHashMap<>();
        people.put("ada", List.of(point(0, 0), point(2, 2)));
        people.put("bob", List.of(point(1, 0)));
        Candidate candidate = new GalleryMatcher(new Gallery(people), MatchPolicy.defaults()).nearest(point(1.9, 2));
        assertThat(candidate.name()).isEqualTo("ada");
        assertThat(candidate.distance()).isCloseTo(0.1, within(1e-9));
        assertThat(candidate.runnerUp()).isEqualTo("bob");
    }

    private static FaceObservation seen(double[] encoding, int frame) {
        return new FaceObservation(encoding, new FaceBox(frame, 0, 10, 10), frame, frame * 0.5, FRONTAL);
    }

    static double[] point(double x, double y) {
        double[] encoding = new double[128];
        encoding[0] = x;
        encoding[1] = y;
        return encoding;
    }

    private static Gallery gallery(Map<String, double[]> people) {
        Map<String, List<double[]>> encodings = new LinkedHashMap<>();
        people.forEach((name, encoding) -> encodings.put(name, List.of(encoding)));
        return new Gallery(encodings);
    }
}
