package org.classroom.desktop.logic.files;

import java.nio.file.Path;

/** A file accepted for upload: an MP4 by content, seen for the first time. */
public record Candidate(Path file, long size) {
}
