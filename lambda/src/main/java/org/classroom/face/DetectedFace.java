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

    /** How much two boxes overlap: their intersection over their union, 0 to 1. */
    public double iou(DetectedFace other) {
        double w = Math.min(x + width, other.x + other.width) - Math.max(x, other.x);
        double h = Math.min(y + height, other.y + other.height) - Math.max(y, other.y);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double intersection = w * h;
        return intersection / (width * height + other.width * other.height - intersection);
    }
}
