package org.classroom.desktop.logic.files;

import java.nio.file.Path;

/** A dropped file that will not be uploaded, and why. */
public record Refusal(Path file, String reason) {

    /** The line shown to the user, e.g. {@code photo.mp4 is not an MP4 video: it is a JPEG image}. */
    public String message() {
        Path name = file.getFileName();
        return (name == null ? file.toString() : name.toString()) + " " + reason;
    }
}
