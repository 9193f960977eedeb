package org.classroom.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Someone seen in a video who matches no gallery person: one entry per distinct person (not per face
 * in a frame), with their best view, so that they can be enrolled later.
 *
 * @param box          where their best face was, in the upright frame
 * @param frameSeconds the time of that best frame
 * @param appearances  when they were on screen
 * @param crop         the evidence bucket's key of the face crop from the best view; null when none was kept
 * @param frame        the evidence bucket's key of the frame of the best view (downscaled); null when none was kept
 * @param seenIn       where they are in frames kept for other people's best views (omitted when empty)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UnknownPerson(FaceBox box, Double frameSeconds, List<Appearance> appearances, String crop,
                            String frame, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FrameBox> seenIn) {

    public UnknownPerson {
        appearances = appearances == null ? List.of() : List.copyOf(appearances);
        seenIn = seenIn == null ? List.of() : List.copyOf(seenIn);
    }

    /** Someone unknown seen in no other kept frame. */
    public UnknownPerson(FaceBox box, Double frameSeconds, List<Appearance> appearances, String crop, String frame) {
        this(box, frameSeconds, appearances, crop, frame, List.of());
    }

    /** Someone unknown without a kept frame. */
    public UnknownPerson(FaceBox box, Double frameSeconds, List<Appearance> appearances, String crop) {
        this(box, frameSeconds, appearances, crop, null);
    }

    /** Someone unknown without a kept face crop. */
    public UnknownPerson(FaceBox box, Double frameSeconds, List<Appearance> appearances) {
        this(box, frameSeconds, appearances, null);
    }

    public UnknownPerson withCrop(String cropKey) {
        return new UnknownPerson(box, frameSeconds, appearances, cropKey, frame, seenIn);
    }

    public UnknownPerson withFrame(String frameKey) {
        return new UnknownPerson(box, frameSeconds, appearances, crop, frameKey, seenIn);
    }

    public UnknownPerson withSeenIn(List<FrameBox> frames) {
        return new UnknownPerson(box, frameSeconds, appearances, crop, frame, frames);
    }
}
