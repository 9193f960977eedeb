package org.classroom.face.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classroom.face.gallery.Gallery;

/**
 * Names the faces of a clip after gallery people: nearest person by Euclidean distance, within the
 * policy's tolerance, clearly nearer than the next person, on a face turned to the camera. A face that
 * meets none of that stays unknown; it is never forced onto the nearest name. The same face over
 * several frames is decided once (by the majority of its frames that name someone), and a person named
 * by several faces or frames is reported once with the best distance. Immutable and thread-safe.
 */
public final class GalleryMatcher {

    static final String MATCHED = "matched";
    static final String TOO_FAR = "no one within tolerance";
    static final String AMBIGUOUS = "ambiguous";
    static final String TURNED_AWAY = "turned away";

    private final MatchPolicy policy;
    private final String[] owners;
    private final double[][] encodings;

    public GalleryMatcher(Gallery gallery, MatchPolicy policy) {
        this.policy = policy;
        List<String> ownerList = new ArrayList<>();
        List<double[]> encodingList = new ArrayList<>();
        gallery.asMap().forEach((name, list) -> list.forEach(encoding -> {
            ownerList.add(name);
            encodingList.add(encoding);
        }));
        this.owners = ownerList.toArray(String[]::new);
        this.encodings = encodingList.toArray(double[][]::new);
    }

    public MatchPolicy policy() {
        return policy;
    }

    /** The nearest person and the nearest other person (each by their nearest encoding). */
    public Candidate nearest(double[] encoding) {
        Map<String, Double> perPerson = new HashMap<>();
        for (int i = 0; i < encodings.length; i++) {
            double distance = Distances.euclidean(encoding, encodings[i]);
            perPerson.merge(owners[i], distance, Math::min);
        }
        String first = null;
        String second = null;
        double firstDistance = Double.POSITIVE_INFINITY;
        double secondDistance = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, Double> entry : perPerson.entrySet()) {
            double distance = entry.getValue();
            if (distance < firstDistance) {
                second = first;
                secondDistance = firstDistance;
                first = entry.getKey();
                firstDistance = distance;
            } else if (distance < secondDistance) {
                second = entry.getKey();
                secondDistance = distance;
            }
        }
        return new Candidate(first, firstDistance, second, secondDistance);
    }

    /** What one observation says on its own: the name it supports, or why it supports none. */
    String judge(FaceObservation observation, Candidate candidate) {
        if (candidate.name() == null || candidate.distance() > policy.tolerance()) {
            return TOO_FAR;
        }
        if (observation.frontality() < policy.minFrontality() && candidate.distance() > MatchPolicy.SAME_VIEW_DISTANCE) {
            return TURNED_AWAY;
        }
        if (candidate.margin() < policy.minMargin()) {
            return AMBIGUOUS;
        }
        return MATCHED;
    }

    public MatchOutcome match(List<FaceObservation> observations) {
        List<FaceVerdict> faces = new ArrayList<>();
        for (List<FaceObservation> track : FaceTracks.group(observations, policy.sameFaceDistance())) {
            faces.add(decide(track));
        }
        Map<String, PersonMatch> people = new LinkedHashMap<>();
        for (FaceVerdict face : faces) {
            if (face.named()) {
                PersonMatch match = new PersonMatch(face.name(), face.candidate().distance(), face.best().box(),
                        face.best().frameSeconds());
                people.merge(face.name(), match, (a, b) -> a.distance() <= b.distance() ? a : b);
            }
        }
        List<PersonMatch> ordered = new ArrayList<>(people.values());
        ordered.sort(Comparator.comparingDouble(PersonMatch::distance));
        return new MatchOutcome(ordered, faces);
    }

    /**
     * Decides one followed face by its best views, as {@link #match} decides a group of frames; its
     * frame count and last frame are the track's (it was seen in more samples than it was encoded in).
     */
    public FaceVerdict decide(List<FaceObservation> views, int framesSeen, int lastFrame) {
        FaceVerdict verdict = decide(views);
        return new FaceVerdict(verdict.name(), verdict.reason(), verdict.candidate(), verdict.best(), framesSeen,
                lastFrame);
    }

    private FaceVerdict decide(List<FaceObservation> track) {
        Map<String, Integer> votes = new HashMap<>();
        Map<String, FaceObservation> bestFor = new HashMap<>();
        Map<String, Candidate> bestCandidateFor = new HashMap<>();
        FaceObservation nearestObservation = null;
        Candidate nearestCandidate = null;
        String nearestReason = TOO_FAR;
        for (FaceObservation observation : track) {
            Candidate candidate = nearest(observation.encoding());
            String verdict = judge(observation, candidate);
            if (MATCHED.equals(verdict)) {
                votes.merge(candidate.name(), 1, Integer::sum);
                Candidate previous = bestCandidateFor.get(candidate.name());
                if (previous == null || candidate.distance() < previous.distance()) {
                    bestCandidateFor.put(candidate.name(), candidate);
                    bestFor.put(candidate.name(), observation);
                }
            }
            if (nearestCandidate == null || candidate.distance() < nearestCandidate.distance()) {
                nearestCandidate = candidate;
                nearestObservation = observation;
                nearestReason = verdict;
            }
        }
        int lastFrame = track.stream().mapToInt(FaceObservation::frameIndex).max().orElse(-1);
        if (votes.isEmpty()) {
            return new FaceVerdict(null, nearestReason, nearestCandidate, nearestObservation, track.size(), lastFrame);
        }
        String winner = votes.keySet().stream()
                .max(Comparator.<String>comparingInt(votes::get)
                        .thenComparing(name -> -bestCandidateFor.get(name).distance()))
                .orElseThrow();
        return new FaceVerdict(winner, MATCHED, bestCandidateFor.get(winner), bestFor.get(winner), track.size(),
                lastFrame);
    }
}
