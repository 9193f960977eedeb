package org.classroom.cli.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.classroom.cli.support.UserError;

/** A file the deploy commands take from the project's checkout (the launcher sets {@code classroom.home}). */
final class ProjectFile {

    private ProjectFile() {
    }

    /**
     * @param given    the file the user named, or null for the project's own
     * @param relative the project's own, from the checkout's root
     * @param kind     what it is, for the error ("CloudFormation template")
     */
    static Path resolve(Path given, String relative, String kind) {
        Path file = given != null ? given : Path.of(System.getProperty("classroom.home", ".")).resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new UserError("no " + kind + " at " + file + "; give --template FILE");
        }
        return file.toAbsolutePath();
    }
}
