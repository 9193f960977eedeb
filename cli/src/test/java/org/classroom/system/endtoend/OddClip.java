package org.classroom.system.endtoend;

import java.nio.file.Path;
import java.util.List;
import org.classroom.common.model.ResultStatus;

/** A clip made for a test, with the status and the names the whole pipeline must give it. */
record OddClip(Path file, String why, ResultStatus status, List<String> names) {

    String key() {
        return file.getFileName().toString();
    }
}
