package org.classroom.common.model;

/**
 * A stretch of a video in which one person was on screen: from the first sample that showed them to
 * the last one, in seconds from the start of the video.
 */
public record Appearance(double from, double to) {

    public Appearance {
        if (!(to >= from)) {
            throw new IllegalArgumentException("an appearance must end after it starts: " + from + " to " + to);
        }
    }
}
