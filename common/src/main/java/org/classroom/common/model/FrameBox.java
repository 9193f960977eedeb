package org.classroom.common.model;

/**
 * Where a person's face is in a frame kept for someone else's best view: the frame's evidence key and the box
 * there (in pixels of the upright frame), so that the frame view can outline everyone on screen in it.
 */
public record FrameBox(String frame, FaceBox box) {
}
