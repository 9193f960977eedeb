package org.classroom.face.match;

/**
 * The nearest gallery person to one encoding, and the next-nearest different person.
 *
 * @param name           nearest person, or null for an empty gallery
 * @param distance       distance to that person's nearest encoding (infinite for an empty gallery)
 * @param runnerUp       second-nearest different person, or null
 * @param runnerUpDistance distance to the runner-up (infinite when there is none)
 */
public record Candidate(String name, double distance, String runnerUp, double runnerUpDistance) {

    public double margin() {
        return runnerUpDistance - distance;
    }
}
