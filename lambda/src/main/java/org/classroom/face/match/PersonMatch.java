package org.classroom.face.match;

import org.classroom.common.model.FaceBox;

/**
 * A gallery person found in a clip: best distance over every frame and face that named them, and
 * where that best face was.
 */
public record PersonMatch(String name, double distance, FaceBox box, double frameSeconds) {
}
