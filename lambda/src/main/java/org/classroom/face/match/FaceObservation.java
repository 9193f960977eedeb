package org.classroom.face.match;

import org.classroom.common.model.FaceBox;

/**
 * One face seen in one sampled frame, with what the matcher needs to decide about it.
 *
 * @param encoding     the 128-number descriptor
 * @param box          where the face is in the upright frame
 * @param frameIndex   which sample it came from
 * @param frameSeconds the time of that frame in the clip
 * @param frontality   how squarely the face looks at the camera, 0..1 ({@link FaceQuality#frontality})
 */
public record FaceObservation(double[] encoding, FaceBox box, int frameIndex, double frameSeconds,
                              double frontality) {
}
