package org.classroom.desktop.model;

/** What makes a lecture of the attendance view: each video, each folder (S3 key prefix), or each day. */
public enum LectureGrouping {
    VIDEO("video"),
    FOLDER("folder"),
    DATE("date");

    private final String label;

    LectureGrouping(String label) {
        this.label = label;
    }

    /** The word the choice box shows. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
