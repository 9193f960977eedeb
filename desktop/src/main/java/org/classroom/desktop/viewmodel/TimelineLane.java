package org.classroom.desktop.viewmodel;

import java.util.List;
import org.classroom.common.model.Appearance;

/** One person's row of a video's timeline: who, as the results table names them, and when they were on screen. */
public record TimelineLane(String label, boolean unknown, List<Appearance> appearances) {

    public TimelineLane {
        appearances = List.copyOf(appearances);
    }
}
