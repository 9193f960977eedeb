package org.classroom.face.evidence;

import org.classroom.common.model.FaceBox;

/**
 * One person's face as seen in their best view.
 *
 * @param person       the gallery name, or {@code unknown-N} for the N-th unknown person of the result
 * @param jpeg         the cropped face, a JPEG at most {@link FaceCropper#MAX_SIDE} pixels a side
 * @param box          where the face was in the upright frame
 * @param frameSeconds the time of that frame
 */
public record FaceCrop(String person, byte[] jpeg, FaceBox box, double frameSeconds) {
}
