package org.classroom.face;

/**
 * A face found by a detector, in pixels of the frame it was found in.
 *
 * @param x      left edge
 * @param y      top edge
 * @param width  box width
 * @param height box height
 * @param score  detector confidence in [0, 1]
 */
public record DetectedFace(double x, double y, double width, double height, double score) {
}
