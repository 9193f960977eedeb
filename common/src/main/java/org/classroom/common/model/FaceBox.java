package org.classroom.common.model;

/** Where a face was found, in pixels of the upright frame. */
public record FaceBox(int x, int y, int width, int height) {
}
