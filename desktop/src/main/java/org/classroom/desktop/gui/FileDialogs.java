package org.classroom.desktop.gui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The native file choosers, behind an interface so that tests can answer them. */
public interface FileDialogs {

    List<Path> chooseVideos(Window owner);

    Optional<Path> chooseFolder(Window owner);

    Optional<Path> chooseExport(Window owner, String suggestedName);

    Optional<Path> chooseEnrolmentFile(Window owner);

    /** The JavaFX choosers. */
    static FileDialogs system() {
        return new FileDialogs() {
            private File lastFolder;

            @Override
            public List<Path> chooseVideos(Window owner) {
                FileChooser chooser = chooser("Add lecture clips");
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("MP4 videos", "*.mp4", "*.MP4", "*.m4v"),
                        new FileChooser.ExtensionFilter("All files", "*"));
                List<File> files = chooser.showOpenMultipleDialog(owner);
                if (files == null || files.isEmpty()) {
                    return List.of();
                }
                lastFolder = files.get(0).getParentFile();
                return files.stream().map(File::toPath).toList();
            }

            @Override
            public Optional<Path> chooseFolder(Window owner) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("Add a folder of lecture clips");
                if (lastFolder != null && lastFolder.isDirectory()) {
                    chooser.setInitialDirectory(lastFolder);
                }
                File folder = chooser.showDialog(owner);
                return Optional.ofNullable(folder).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseExport(Window owner, String suggestedName) {
                FileChooser chooser = chooser("Export results");
                chooser.setInitialFileName(suggestedName);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            @Override
            public Optional<Path> chooseEnrolmentFile(Window owner) {
                FileChooser chooser = chooser("Enrol a face from a photo or clip");
                chooser.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("Photos and clips", "*.jpg", "*.jpeg", "*.png", "*.mp4"),
                        new FileChooser.ExtensionFilter("All files", "*"));
                return Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath);
            }

            private FileChooser chooser(String title) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                if (lastFolder != null && lastFolder.isDirectory()) {
                    chooser.setInitialDirectory(lastFolder);
                }
                return chooser;
            }
        };
    }
}
