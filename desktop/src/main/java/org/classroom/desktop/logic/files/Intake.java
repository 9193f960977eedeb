package org.classroom.desktop.logic.files;

import java.nio.file.Path;
import java.util.List;

/**
 * What came of one drop: the files to upload, the ones refused with their reasons, and the ones
 * left out because they were already taken (the same file, or the same content, dropped before).
 */
public record Intake(List<Candidate> accepted, List<Refusal> refused, List<Path> duplicates) {

    public Intake {
        accepted = List.copyOf(accepted);
        refused = List.copyOf(refused);
        duplicates = List.copyOf(duplicates);
    }
}
