package org.classroom.face.match;

/**
 * What the matcher decided about one distinct face (a track of observations over frames).
 *
 * @param name     the person it was named after, or null when unknown
 * @param reason   why: {@code matched}, {@code no one within tolerance}, {@code ambiguous} (as near to
 *                 two people), {@code turned away} (pose too far from frontal to trust)
 * @param candidate the nearest-person candidate behind the verdict (for a named face: its best one)
 * @param best     the observation behind the verdict (for a named face: the one with the best distance)
 * @param frames   in how many sampled frames the face was seen
 * @param lastFrame the last sampled frame (index) the face was seen in
 */
public record FaceVerdict(String name, String reason, Candidate candidate, FaceObservation best, int frames,
                          int lastFrame) {

    public boolean named() {
        return name != null;
    }
}
