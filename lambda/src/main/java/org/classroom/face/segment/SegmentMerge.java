package org.classroom.face.segment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.classroom.common.format.EvidenceKeys;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.face.RecognisedVideo;
import org.classroom.face.evidence.BestFrame;
import org.classroom.face.evidence.FaceCrop;
import org.classroom.face.evidence.Filmstrip;
import org.classroom.face.segment.CrossSegmentPeople.Piece;
import org.classroom.face.track.AppearanceJoin;

/**
 * Makes one video's result from the partial results of all its segments, as one run over the whole recording
 * would have made it: each person once (see {@link CrossSegmentPeople}), with their best view over all
 * segments, and appearances cut by a boundary joined again. Within a segment the engine has joined stretches
 * already; across a boundary the gap allowed is wider, because one run's tracker would have carried the
 * person over a missed sample there, while a segment's tracker ends at the boundary. A segment that could not read the recording makes the video
 * {@code invalid-video}. Stage timings are summed: the work the segments did, not the wall time.
 */
public final class SegmentMerge {

    private final CrossSegmentPeople identities;
    private final double joinGapSeconds;
    private final double boundaryGapSeconds;
    private final int filmstripMax;

    /** With the default filmstrip limit. */
    public SegmentMerge(double joinGapSeconds, double boundaryGapSeconds, double sameFaceDistance) {
        this(joinGapSeconds, boundaryGapSeconds, sameFaceDistance, Filmstrip.DEFAULT_MAX);
    }

    /**
     * @param joinGapSeconds     stretches less than this apart are one appearance (the engine's own join gap)
     * @param boundaryGapSeconds stretches on either side of a boundary less than this apart are one appearance
     * @param sameFaceDistance   faces nearer than this are one person (the engine's own)
     * @param filmstripMax       the most thumbnails the recording's one filmstrip may hold
     */
    public SegmentMerge(double joinGapSeconds, double boundaryGapSeconds, double sameFaceDistance, int filmstripMax) {
        if (filmstripMax < 1) {
            throw new IllegalArgumentException("a filmstrip holds at least one thumbnail, not " + filmstripMax);
        }
        this.filmstripMax = filmstripMax;
        if (boundaryGapSeconds < joinGapSeconds) {
            throw new IllegalArgumentException("the gap across a boundary cannot be below the join gap");
        }
        this.identities = new CrossSegmentPeople(sameFaceDistance, boundaryGapSeconds);
        this.joinGapSeconds = joinGapSeconds;
        this.boundaryGapSeconds = boundaryGapSeconds;
    }

    /**
     * @param partials one per segment, in any order; together they must cover the recording without gaps
     */
    public VideoResult merge(String video, List<PartialResult> partials) {
        return mergeWithCrops(video, partials).result();
    }

    /** The most thumbnails of the merged filmstrip, to be shared among the segments. */
    public int filmstripMax() {
        return filmstripMax;
    }

    /**
     * The same, with the evidence of a video done whole: the face crop and frame of each person's best view over
     * all segments, labelled as the result lists them (gallery name, or {@code unknown-N} in the order of the
     * unknown people), a person whose best view's segment kept none having none; and one filmstrip of the
     * whole recording, the segments' thumbnails in order of time.
     */
    public RecognisedVideo mergeWithCrops(String video, List<PartialResult> partials) {
        List<PartialResult> ordered = inOrder(partials);
        for (PartialResult partial : ordered) {
            if (!partial.valid()) {
                return new RecognisedVideo(VideoResult.failure(video, ResultStatus.INVALID_VIDEO, partial.segment()
                        + ": " + partial.invalidReason(), null), List.of());
            }
        }
        List<Double> boundaries = ordered.stream().skip(1).map(partial -> partial.segment().fromSeconds()).toList();
        BiPredicate<Double, Double> joins = (end, start) -> start - end <= joinGapSeconds
                || (start - end <= boundaryGapSeconds && boundaries.stream().anyMatch(at -> end <= at && at <= start));
        List<List<Piece>> people = identities.group(ordered);
        List<String> labels = labels(people);
        MergedFrames pictures = new MergedFrames(ordered, people, labels);
        List<RecognisedPerson> named = new ArrayList<>();
        List<UnknownPerson> unknown = new ArrayList<>();
        List<FaceCrop> crops = new ArrayList<>();
        List<BestFrame> frames = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            List<Piece> person = people.get(i);
            String label = labels.get(i);
            List<Appearance> appearances = AppearanceJoin.join(person.stream()
                    .flatMap(piece -> piece.person().appearances().stream()).toList(), joins);
            Piece bestPiece;
            if (person.get(0).person().named()) {
                bestPiece = person.stream().filter(piece -> piece.person().named())
                        .min(Comparator.comparingDouble(piece -> piece.person().distance())).orElseThrow();
                SegmentPerson best = bestPiece.person();
                named.add(new RecognisedPerson(label, null, null, null, best.distance(), best.box(),
                        best.frameSeconds(), appearances));
            } else {
                bestPiece = person.stream()
                        .max(Comparator.comparingDouble(piece -> piece.person().frontality())).orElseThrow();
                SegmentPerson best = bestPiece.person();
                unknown.add(new UnknownPerson(best.box(), best.frameSeconds(), appearances));
            }
            crop(label, bestPiece.person()).ifPresent(crops::add);
            pictures.of(label, bestPiece).ifPresent(frames::add);
        }
        named.sort(Comparator.comparingDouble(RecognisedPerson::distance));
        // As for a video done whole: a filmstrip only beside someone's frame.
        Filmstrip.Packed filmstrip = people.isEmpty() ? null : SegmentStrip.of(ordered, filmstripMax);
        // The last segment ends where the recording does.
        double duration = ordered.get(ordered.size() - 1).segment().toSeconds();
        return new RecognisedVideo(new VideoResult(video, status(named, unknown), named, named.size() + unknown.size(),
                unknown.size(), null, null, summedTimings(ordered), Instant.now(), unknown, null, duration), crops, frames,
                filmstrip);
    }

    /** Each merged person's label: the gallery name, or {@code unknown-N} in the order of the unknown people. */
    private static List<String> labels(List<List<Piece>> people) {
        List<String> labels = new ArrayList<>();
        int unknown = 0;
        for (List<Piece> person : people) {
            SegmentPerson first = person.get(0).person();
            labels.add(first.named() ? first.name() : EvidenceKeys.unknownPerson(++unknown));
        }
        return labels;
    }

    private static Optional<FaceCrop> crop(String label, SegmentPerson best) {
        return Optional.ofNullable(best.crop()).map(jpeg -> new FaceCrop(label, jpeg, best.box(), best.frameSeconds()));
    }

    private static List<PartialResult> inOrder(List<PartialResult> partials) {
        if (partials.isEmpty()) {
            throw new IllegalArgumentException("no segment to merge");
        }
        List<PartialResult> ordered = partials.stream()
                .sorted(Comparator.comparingInt(partial -> partial.segment().index())).toList();
        for (int i = 0; i < ordered.size(); i++) {
            Segment segment = ordered.get(i).segment();
            boolean follows = i == 0 ? segment.fromSeconds() == 0
                    : segment.fromSeconds() == ordered.get(i - 1).segment().toSeconds();
            if (segment.index() != i || !follows) {
                // A result with a hole would miss whoever was on screen there: never publish one.
                throw new IllegalArgumentException("the segments do not cover the recording: " + ordered.stream()
                        .map(PartialResult::segment).toList());
            }
        }
        return ordered;
    }

    private static ResultStatus status(List<RecognisedPerson> named, List<UnknownPerson> unknown) {
        if (!named.isEmpty()) {
            return ResultStatus.RECOGNISED;
        }
        return unknown.isEmpty() ? ResultStatus.NO_FACE : ResultStatus.UNKNOWN_FACE;
    }

    private static Map<String, Double> summedTimings(List<PartialResult> partials) {
        Map<String, Double> timings = new LinkedHashMap<>();
        partials.forEach(partial -> partial.timingsMs().forEach((stage, millis) -> timings.merge(stage, millis, Double::sum)));
        return timings;
    }
}
