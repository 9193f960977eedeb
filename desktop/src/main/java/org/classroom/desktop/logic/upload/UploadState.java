package org.classroom.desktop.logic.upload;

/** Where an upload is in its life. */
public enum UploadState {
    QUEUED("waiting"),
    UPLOADING("uploading"),
    DONE("uploaded"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String label;

    UploadState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still to finish: kept in the journal so that it survives a restart. */
    public boolean pending() {
        return this == QUEUED || this == UPLOADING || this == FAILED;
    }
}
