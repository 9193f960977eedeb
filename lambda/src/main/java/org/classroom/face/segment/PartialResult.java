package org.classroom.face.segment;

import java.util.List;
import java.util.Map;
import org.classroom.face.evidence.Filmstrip;

/**
 * What the engine found in one segment of a recording: everyone seen there, named or not, with descriptors
 * so that the merge can tell the same unknown person in two segments apart from two people.
 *
 * @param segment       which stretch of the recording
 * @param people        everyone seen in it
 * @param samples       how many frames were sampled
 * @param timingsMs     the engine's time per stage on this segment
 * @param invalidReason why the recording could not be read here, or null when it could
 * @param frames        the frames of its people's best views, each once
 * @param thumbnails    its share of the recording's filmstrip, in order of time
 */
public record PartialResult(Segment segment, List<SegmentPerson> people, int samples, Map<String, Double> timingsMs,
                            String invalidReason, List<SegmentFrame> frames, List<Filmstrip.Thumbnail> thumbnails) {

    public PartialResult {
        people = people == null ? List.of() : List.copyOf(people);
        timingsMs = timingsMs == null ? Map.of() : Map.copyOf(timingsMs);
        frames = frames == null ? List.of() : List.copyOf(frames);
        thumbnails = thumbnails == null ? List.of() : List.copyOf(thumbnails);
    }

    /** Without frames or thumbnails. */
    public PartialResult(Segment segment, List<SegmentPerson> people, int samples, Map<String, Double> timingsMs,
                         String invalidReason) {
        this(segment, people, samples, timingsMs, invalidReason, List.of(), List.of());
    }

    /** The same with other frames and thumbnails (a partial result made to fit the wire). */
    public PartialResult withEvidence(List<SegmentFrame> keptFrames, List<Filmstrip.Thumbnail> keptThumbnails) {
        return new PartialResult(segment, people, samples, timingsMs, invalidReason, keptFrames, keptThumbnails);
    }

    public static PartialResult invalid(Segment segment, String reason) {
        return new PartialResult(segment, List.of(), 0, Map.of(), reason);
    }

    public boolean valid() {
        return invalidReason == null;
    }
}
