package org.classroom.face.segment;

import java.util.List;
import java.util.Map;

/**
 * What the engine found in one segment of a recording: everyone seen there, named or not, with descriptors
 * so that the merge can tell the same unknown person in two segments apart from two people.
 *
 * @param segment       which stretch of the recording
 * @param people        everyone seen in it
 * @param samples       how many frames were sampled
 * @param timingsMs     the engine's time per stage on this segment
 * @param invalidReason why the recording could not be read here, or null when it could
 */
public record PartialResult(Segment segment, List<SegmentPerson> people, int samples, Map<String, Double> timingsMs,
                            String invalidReason) {

    public PartialResult {
        people = people == null ? List.of() : List.copyOf(people);
        timingsMs = timingsMs == null ? Map.of() : Map.copyOf(timingsMs);
    }

    public static PartialResult invalid(Segment segment, String reason) {
        return new PartialResult(segment, List.of(), 0, Map.of(), reason);
    }

    public boolean valid() {
        return invalidReason == null;
    }
}
