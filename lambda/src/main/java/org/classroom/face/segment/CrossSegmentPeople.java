package org.classroom.face.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.Appearance;
import org.classroom.face.match.Distances;

/**
 * Decides which people seen in different segments are one person, as one run over the whole recording
 * would have: people named alike are one; an unknown person whose face is near a named person's and who is
 * on screen right where that person is across a boundary is that person (the piece of a track after a
 * boundary can be too short or too turned away to be named on its own); unknown people of different segments
 * whose faces are near are one (someone who left and came back), never two of the same segment (the engine
 * already told those apart).
 */
final class CrossSegmentPeople {

    /** One segment's view of a person. */
    record Piece(int segment, SegmentPerson person) {
    }

    private final double sameFaceDistance;
    private final double boundaryGapSeconds;

    /** @param boundaryGapSeconds stretches either side of a boundary this near in time are one person's, if alike */
    CrossSegmentPeople(double sameFaceDistance, double boundaryGapSeconds) {
        this.sameFaceDistance = sameFaceDistance;
        this.boundaryGapSeconds = boundaryGapSeconds;
    }

    /** Named people first, in the order first seen, then unknown people in the order first seen. */
    List<List<Piece>> group(List<PartialResult> partials) {
        Map<String, List<Piece>> named = new LinkedHashMap<>();
        List<Piece> unknown = new ArrayList<>();
        partials.stream().sorted(Comparator.comparingInt(partial -> partial.segment().index())).forEach(partial -> {
            for (SegmentPerson person : partial.people()) {
                Piece piece = new Piece(partial.segment().index(), person);
                if (person.named()) {
                    named.computeIfAbsent(person.name(), name -> new ArrayList<>()).add(piece);
                } else {
                    unknown.add(piece);
                }
            }
        });
        List<List<Piece>> strangers = new ArrayList<>();
        for (Piece piece : unknown) {
            List<Piece> home = continuedNamed(piece, named.values());
            if (home == null) {
                home = nearestStranger(piece, strangers);
            }
            if (home == null) {
                home = new ArrayList<>();
                strangers.add(home);
            }
            home.add(piece);
        }
        List<List<Piece>> people = new ArrayList<>(named.values());
        people.addAll(strangers);
        return people;
    }

    /** The named person this unknown piece carries on across a boundary, if any (the nearest of them). */
    private List<Piece> continuedNamed(Piece piece, Iterable<List<Piece>> named) {
        List<Piece> best = null;
        double bestDistance = sameFaceDistance;
        for (List<Piece> person : named) {
            for (Piece other : person) {
                double distance = distance(piece.person(), other.person());
                if (other.segment() != piece.segment() && distance < bestDistance && touch(piece, other)) {
                    best = person;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** The unknown person with the nearest face who was not already told apart from this piece in its segment. */
    private List<Piece> nearestStranger(Piece piece, List<List<Piece>> strangers) {
        List<Piece> best = null;
        double bestDistance = sameFaceDistance;
        for (List<Piece> person : strangers) {
            if (person.stream().anyMatch(other -> other.segment() == piece.segment())) {
                continue;
            }
            for (Piece other : person) {
                double distance = distance(piece.person(), other.person());
                if (distance < bestDistance) {
                    best = person;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** Whether one piece's appearance ends near the other's start: one stretch cut at a boundary. */
    private boolean touch(Piece a, Piece b) {
        for (Appearance x : a.person().appearances()) {
            for (Appearance y : b.person().appearances()) {
                double gap = Math.max(x.from(), y.from()) - Math.min(x.to(), y.to());
                if (gap <= boundaryGapSeconds) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double distance(SegmentPerson a, SegmentPerson b) {
        double nearest = Double.POSITIVE_INFINITY;
        for (double[] x : a.descriptors()) {
            for (double[] y : b.descriptors()) {
                nearest = Math.min(nearest, Distances.euclidean(x, y));
            }
        }
        return nearest;
    }
}
