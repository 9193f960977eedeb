package org.classroom.face.match;

import java.util.List;

/**
 * The matcher's answer for a clip.
 *
 * @param people   each named person once, best distance first
 * @param faces    every distinct face with its verdict
 */
public record MatchOutcome(List<PersonMatch> people, List<FaceVerdict> faces) {

    public MatchOutcome {
        people = List.copyOf(people);
        faces = List.copyOf(faces);
    }

    public int facesFound() {
        return faces.size();
    }

    public int unknownFaces() {
        return (int) faces.stream().filter(face -> !face.named()).count();
    }
}
