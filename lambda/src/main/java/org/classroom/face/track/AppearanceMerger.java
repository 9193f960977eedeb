package org.classroom.face.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.Appearance;
import org.classroom.face.match.Distances;
import org.classroom.face.match.FaceObservation;
import org.classroom.face.match.FaceVerdict;

/**
 * Turns decided tracks into people: the tracks named after one gallery person are that person; unknown
 * tracks whose views are near each other are one unknown person (someone who left and came back). Each
 * person's tracks become appearances, joined where one ends less than a join gap before the next starts
 * (consecutive samples, or a sample where the detector missed them).
 */
public final class AppearanceMerger {

    /**
     * A person seen in the clip, with the verdict and view that best show who they are, and their most frontal
     * views (at most {@link #VIEWS_PER_PERSON}), by which the same person is found again elsewhere.
     */
    public record Person(String name, FaceVerdict best, List<Appearance> appearances, List<FaceObservation> views) {

        public boolean named() {
            return name != null;
        }
    }

    /** A track with the verdict the matcher gave it. */
    public record DecidedTrack(FaceTrack track, FaceVerdict verdict) {
    }

    /** As many views as a track keeps: enough to recognise someone again from another angle. */
    public static final int VIEWS_PER_PERSON = 8;

    private final double joinGapSeconds;
    private final double sameFaceDistance;

    public AppearanceMerger(double joinGapSeconds, double sameFaceDistance) {
        this.joinGapSeconds = joinGapSeconds;
        this.sameFaceDistance = sameFaceDistance;
    }

    /** Named people first (in the order first seen), then unknown people. */
    public List<Person> merge(List<DecidedTrack> tracks) {
        Map<String, List<DecidedTrack>> byName = new LinkedHashMap<>();
        List<List<DecidedTrack>> unknown = new ArrayList<>();
        for (DecidedTrack decided : tracks) {
            if (decided.verdict().named()) {
                byName.computeIfAbsent(decided.verdict().name(), name -> new ArrayList<>()).add(decided);
            } else {
                joinUnknown(unknown, decided);
            }
        }
        List<Person> people = new ArrayList<>();
        byName.forEach((name, group) -> people.add(person(name, group, Comparator.comparingDouble(
                (DecidedTrack decided) -> decided.verdict().candidate().distance()))));
        for (List<DecidedTrack> group : unknown) {
            people.add(person(null, group, Comparator.comparingDouble(
                    (DecidedTrack decided) -> -decided.verdict().best().frontality())));
        }
        return people;
    }

    /** Adds an unknown track to the group of unknown tracks it looks like, or to a group of its own. */
    private void joinUnknown(List<List<DecidedTrack>> groups, DecidedTrack decided) {
        for (List<DecidedTrack> group : groups) {
            boolean overlapsInTime = group.stream().anyMatch(other -> overlap(other.track(), decided.track()));
            if (!overlapsInTime && group.stream().anyMatch(other -> near(other.track(), decided.track()))) {
                group.add(decided);
                return;
            }
        }
        List<DecidedTrack> group = new ArrayList<>();
        group.add(decided);
        groups.add(group);
    }

    /** Two tracks on screen at the same time are two people. */
    private static boolean overlap(FaceTrack a, FaceTrack b) {
        return a.firstSample() <= b.lastSample() && b.firstSample() <= a.lastSample();
    }

    private boolean near(FaceTrack a, FaceTrack b) {
        for (FaceObservation x : a.bestViews()) {
            for (FaceObservation y : b.bestViews()) {
                if (Distances.euclidean(x.encoding(), y.encoding()) < sameFaceDistance) {
                    return true;
                }
            }
        }
        return false;
    }

    private Person person(String name, List<DecidedTrack> group, Comparator<DecidedTrack> better) {
        FaceVerdict best = group.stream().min(better).orElseThrow().verdict();
        List<FaceObservation> views = group.stream().flatMap(decided -> decided.track().bestViews().stream())
                .sorted(Comparator.comparingDouble(FaceObservation::frontality).reversed())
                .limit(VIEWS_PER_PERSON).toList();
        return new Person(name, best, appearances(group), views);
    }

    private List<Appearance> appearances(List<DecidedTrack> group) {
        return AppearanceJoin.join(group.stream()
                .map(decided -> new Appearance(decided.track().firstSeconds(), decided.track().lastSeconds()))
                .toList(), joinGapSeconds);
    }
}
