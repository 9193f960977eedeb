package org.classroom.face.segment;

import java.util.List;
import org.classroom.face.evidence.BestFrame;

/**
 * The picture of a frame in which one of a segment's people had their best view, sent once however many people
 * it is the best view of, with everyone the segment could tell in it.
 *
 * @param millis the frame's time from the start of the recording (a person's best view is in the frame whose
 *               time rounds to the same millisecond)
 * @param width  the width of the upright frame the boxes are measured in
 * @param height its height
 * @param jpeg   the downscaled frame ({@link org.classroom.face.evidence.FramePicture})
 * @param faces  who is where in it, labelled as the segment lists its people: gallery name, or {@code unknown-N}
 *               for the N-th unknown person of this segment's list
 */
public record SegmentFrame(long millis, int width, int height, byte[] jpeg, List<BestFrame.Face> faces) {

    public SegmentFrame {
        faces = faces == null ? List.of() : List.copyOf(faces);
    }
}
