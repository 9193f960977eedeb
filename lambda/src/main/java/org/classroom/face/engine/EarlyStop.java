package org.classroom.face.engine;

import org.classroom.face.match.FaceVerdict;
import org.classroom.face.match.MatchOutcome;
import org.classroom.face.match.MatchPolicy;

/**
 * Whether more frames could still change a clip's answer. The detector costs most of a clip's time
 * and nearly every clip shows its students in the first frame, so the engine stops as soon as every
 * face seen so far is beyond doubt: named with a clear margin to anyone else, or far from everyone.
 * Faces near the tolerance, ambiguous or turned away keep it sampling while they are in view (they may
 * turn to the camera); one that has left the picture cannot change any more. A clip with no face yet keeps
 * it sampling too (someone may walk in later).
 */
final class EarlyStop {

    /** A named face must be this much nearer to its person than to the next one. */
    static final double CLEAR_MARGIN = 0.08;
    /** An unknown face must be this much beyond the tolerance from everyone. */
    static final double CLEARLY_UNKNOWN = 0.1;

    private EarlyStop() {
    }

    /**
     * @param latestFrame the index of the frame just looked at
     */
    static boolean settled(MatchOutcome outcome, MatchPolicy policy, int latestFrame) {
        if (outcome.facesFound() == 0) {
            return false;
        }
        for (FaceVerdict face : outcome.faces()) {
            if (!settled(face, policy, latestFrame)) {
                return false;
            }
        }
        return true;
    }

    private static boolean settled(FaceVerdict face, MatchPolicy policy, int latestFrame) {
        if (face.lastFrame() < latestFrame) {
            return true;
        }
        if (face.named()) {
            return face.candidate().margin() >= CLEAR_MARGIN;
        }
        return face.candidate().distance() > policy.tolerance() + CLEARLY_UNKNOWN;
    }
}
