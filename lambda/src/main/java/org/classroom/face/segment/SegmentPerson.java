package org.classroom.face.segment;

import java.util.List;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.FaceBox;

/**
 * Someone one segment saw, with what the merge needs to join them to the same person in other segments.
 *
 * @param name         the gallery person they were named after, or null when unknown
 * @param distance     for a named person, the best distance to their gallery encodings; null when unknown
 * @param box          where their best view was
 * @param frameSeconds when their best view was, from the start of the recording
 * @param frontality   how squarely the best view faces the camera (an unknown person's best view is the most frontal)
 * @param appearances  when they were on screen in this segment, from the start of the recording
 * @param descriptors  encodings of their most frontal views: two people of different segments are the same
 *                     when any two of their descriptors are within the engine's same-face distance
 * @param crop         their face cropped from the best view (a JPEG of a few KB), or null when none was kept
 */
public record SegmentPerson(String name, Double distance, FaceBox box, double frameSeconds, double frontality,
                            List<Appearance> appearances, List<double[]> descriptors, byte[] crop) {

    public SegmentPerson {
        appearances = List.copyOf(appearances);
        descriptors = List.copyOf(descriptors);
        if (appearances.isEmpty()) {
            throw new IllegalArgumentException("someone seen has at least one appearance");
        }
        if ((name == null) != (distance == null)) {
            throw new IllegalArgumentException("a named person has a distance, an unknown one none");
        }
    }

    /** Someone seen, without a face crop. */
    public SegmentPerson(String name, Double distance, FaceBox box, double frameSeconds, double frontality,
                         List<Appearance> appearances, List<double[]> descriptors) {
        this(name, distance, box, frameSeconds, frontality, appearances, descriptors, null);
    }

    public boolean named() {
        return name != null;
    }
}
