package org.classroom.desktop.gui;

import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.classroom.common.model.Student;
import org.classroom.desktop.viewmodel.RosterViewModel;

/** Add or edit one student's record. */
final class StudentDialog extends Dialog<Student> {

    StudentDialog(Window owner, Student existing) {
        initOwner(owner);
        setTitle(existing == null ? "Add a student" : "Edit " + existing.name());
        setHeaderText(existing == null ? "A new student" : null);
        TextField name = new TextField(existing == null ? "" : existing.name());
        name.setId("studentName");
        name.setPromptText("e.g. president_trump (as in the gallery)");
        TextField id = new TextField(existing == null || existing.id() == null ? "" : existing.id().toString());
        id.setId("studentId");
        TextField major = new TextField(existing == null || existing.major() == null ? "" : existing.major());
        major.setId("studentMajor");
        TextField year = new TextField(existing == null || existing.year() == null ? "" : existing.year());
        year.setId("studentYear");
        Label error = new Label();
        error.getStyleClass().add("error-text");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, mnemonic("_Name", name), name);
        grid.addRow(1, mnemonic("_ID", id), id);
        grid.addRow(2, mnemonic("_Major", major), major);
        grid.addRow(3, mnemonic("_Year", year), year);
        grid.add(error, 0, 4, 2, 1);
        getDialogPane().setContent(grid);
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        Node saveButton = getDialogPane().lookupButton(save);
        saveButton.addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            String problem = RosterViewModel.problem(name.getText(), id.getText());
            error.setText(problem == null ? "" : problem);
            if (problem != null) {
                event.consume();
            }
        });
        setResultConverter(button -> button == save
                ? new Student(name.getText().trim(), id.getText().isBlank() ? null : Integer.valueOf(id.getText().trim()),
                        blankToNull(major.getText()), blankToNull(year.getText()))
                : null);
        Platform.runLater(name::requestFocus);
    }

    private static Label mnemonic(String text, Node target) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        return label;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    static Optional<Student> ask(Window owner, Student existing) {
        return new StudentDialog(owner, existing).showAndWait();
    }
}
