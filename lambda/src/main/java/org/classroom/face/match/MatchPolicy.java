package org.classroom.face.match;

/**
 * When a face counts as a gallery person.
 *
 * @param tolerance       the largest Euclidean distance to a person's encoding that can name them (dlib's
 *                        customary 0.6)
 * @param minMargin       how much nearer the named person must be than the second-nearest different
 *                        person; a face about equally near two people is not named after either
 * @param minFrontality   faces turned further than this from the camera (0 = profile, 1 = frontal, see
 *                        {@link FaceQuality#frontality}) are counted but never named: their landmarks, and
 *                        so their encodings, are unreliable
 * @param sameFaceDistance two faces in different frames closer than this are the same face
 */
public record MatchPolicy(double tolerance, double minMargin, double minFrontality, double sameFaceDistance) {

    public static final double DEFAULT_TOLERANCE = 0.6;
    /**
     * A face turned away is still named when it is this near an encoding: then it is the very view a user
     * enrolled from a result ("This is…"), re-encoded from the same frame (nearly 0: the same pixels through the same networks), not a
     * profile that happens to resemble a frontal gallery photo (the boy in test_5 is 0.58 from his nearest).
     */
    public static final double SAME_VIEW_DISTANCE = 0.15;

    public MatchPolicy {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be above 0, not " + tolerance);
        }
        if (minMargin < 0 || minFrontality < 0 || minFrontality > 1 || !(sameFaceDistance > 0)) {
            throw new IllegalArgumentException("margin, frontality (0..1) and same-face distance must be sensible");
        }
    }

    /**
     * Tolerance 0.6; margin 0.05 (right names in the course clips lead the next person by 0.13 or more);
     * frontality 0.12 (the boy in test_5, 0.58 from president_trump, is a profile at 0.02, while the
     * most turned right face, Vin Diesel in the same frame, is at 0.24); same face within 0.5.
     */
    public static MatchPolicy defaults() {
        return new MatchPolicy(DEFAULT_TOLERANCE, 0.05, 0.12, 0.5);
    }

    public MatchPolicy withTolerance(double newTolerance) {
        return new MatchPolicy(newTolerance, minMargin, minFrontality, sameFaceDistance);
    }

    /** Plain nearest neighbour within the tolerance: no margin, no pose gate. */
    public MatchPolicy plain() {
        return new MatchPolicy(tolerance, 0, 0, sameFaceDistance);
    }
}
