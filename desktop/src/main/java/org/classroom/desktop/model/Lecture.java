package org.classroom.desktop.model;

import java.util.List;

/**
 * One column of the attendance view.
 *
 * @param name   the video key, the folder or the date, as the grouping says
 * @param videos the video keys whose results make up this lecture
 */
public record Lecture(String name, List<String> videos) {

    public Lecture {
        videos = List.copyOf(videos);
    }
}
