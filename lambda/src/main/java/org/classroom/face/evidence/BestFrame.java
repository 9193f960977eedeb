package org.classroom.face.evidence;

import java.util.List;
import org.classroom.common.model.FaceBox;

/**
 * The frame of one person's best view, downscaled ({@link FramePicture}); people whose best views share a
 * frame share its picture.
 *
 * @param person      the gallery name, or {@code unknown-N} for the N-th unknown person of the result
 * @param millis      the frame's time from the start of the video
 * @param frameWidth  the width of the upright frame the result's boxes are measured in
 * @param frameHeight its height
 * @param jpeg        the downscaled frame
 * @param others      the other people in that frame (labelled as {@code person} is) and where
 */
public record BestFrame(String person, long millis, int frameWidth, int frameHeight, byte[] jpeg, List<Face> others) {

    /** Someone else in the frame: their label and their box there. */
    public record Face(String person, FaceBox box) {
    }

    public BestFrame {
        others = others == null ? List.of() : List.copyOf(others);
    }

    /** A frame nobody else is in. */
    public BestFrame(String person, long millis, int frameWidth, int frameHeight, byte[] jpeg) {
        this(person, millis, frameWidth, frameHeight, jpeg, List.of());
    }
}
