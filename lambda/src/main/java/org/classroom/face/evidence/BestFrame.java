package org.classroom.face.evidence;

/**
 * The frame of one person's best view, downscaled ({@link FramePicture}); people whose best views share a
 * frame share its picture.
 *
 * @param person      the gallery name, or {@code unknown-N} for the N-th unknown person of the result
 * @param millis      the frame's time from the start of the video
 * @param frameWidth  the width of the upright frame the result's boxes are measured in
 * @param frameHeight its height
 * @param jpeg        the downscaled frame
 */
public record BestFrame(String person, long millis, int frameWidth, int frameHeight, byte[] jpeg) {
}
