package org.classroom.desktop.gui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Where clips and folders are dropped, with buttons for those who would rather choose them. */
final class DropZone extends VBox {

    final Button chooseFiles = new Button("Choose _files…");
    final Button chooseFolder = new Button("Choose f_older…");

    DropZone(Consumer<List<Path>> onFiles) {
        setId("dropZone");
        getStyleClass().add("drop-zone");
        setAlignment(Pos.CENTER);
        setSpacing(8);
        Label title = new Label("Drop lecture clips here");
        title.getStyleClass().add("drop-title");
        Label hint = new Label("MP4 files or whole folders, each uploaded once");
        hint.getStyleClass().add("drop-hint");
        hint.setWrapText(true);
        chooseFiles.setId("chooseFilesButton");
        chooseFolder.setId("chooseFolderButton");
        HBox buttons = new HBox(8, chooseFiles, chooseFolder);
        buttons.setAlignment(Pos.CENTER);
        getChildren().addAll(title, hint, buttons);

        setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        setOnDragEntered(event -> {
            if (event.getDragboard().hasFiles()) {
                getStyleClass().add("drop-zone-active");
            }
        });
        setOnDragExited(event -> getStyleClass().remove("drop-zone-active"));
        setOnDragDropped(event -> dropped(event, onFiles));
    }

    private void dropped(DragEvent event, Consumer<List<Path>> onFiles) {
        Dragboard board = event.getDragboard();
        boolean taken = board.hasFiles();
        if (taken) {
            onFiles.accept(board.getFiles().stream().map(File::toPath).toList());
        }
        getStyleClass().remove("drop-zone-active");
        event.setDropCompleted(taken);
        event.consume();
    }
}
