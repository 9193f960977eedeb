package org.classroom.desktop.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;
import org.classroom.desktop.gui.FileDialogs;

/**
 * File dialogs answered as a user would, without a window: the export goes to {@code exportTarget}, the
 * enrolment photo is {@code enrolmentFile}; a null answer is a cancelled dialog.
 */
public record ScriptedDialogs(Path exportTarget, Path enrolmentFile) implements FileDialogs {

    /** Every dialog cancelled. */
    public static ScriptedDialogs none() {
        return new ScriptedDialogs(null, null);
    }

    @Override
    public List<Path> chooseVideos(Window owner) {
        return List.of();
    }

    @Override
    public Optional<Path> chooseFolder(Window owner) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> chooseExport(Window owner, String suggestedName) {
        return Optional.ofNullable(exportTarget);
    }

    @Override
    public Optional<Path> chooseEnrolmentFile(Window owner) {
        return Optional.ofNullable(enrolmentFile);
    }
}
