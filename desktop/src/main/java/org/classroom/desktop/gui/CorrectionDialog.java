package org.classroom.desktop.gui;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.classroom.common.model.Student;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.viewmodel.FaceCrops;

/**
 * "This is…": whose face a results row shows, picked from the roster or created there and then (with the
 * roster's own student form). The answer is the student and whether they are new.
 */
final class CorrectionDialog extends Dialog<CorrectionDialog.Answer> {

    /** The student the face belongs to; {@code created} when they are not in the roster yet. */
    record Answer(Student student, boolean created) {
    }

    private Student created;

    CorrectionDialog(Window owner, ResultRow row, List<Student> roster, FaceCrops crops) {
        initOwner(owner);
        setTitle("This is…");
        setHeaderText("Who is " + row.displayName() + " in " + row.video() + "?");
        ImageView face = new ImageView();
        face.setId("correctionFace");
        face.setPreserveRatio(true);
        face.setFitHeight(96);
        if (row.crop() != null) {
            crops.show(row.crop(), face::setImage);
        }
        setGraphic(face);

        ObservableList<Student> students = FXCollections.observableArrayList(roster);
        students.sort(Comparator.comparing(Student::name));
        ComboBox<Student> choice = new ComboBox<>(students);
        choice.setId("correctionStudent");
        choice.setPromptText("a student in the roster");
        choice.setPrefWidth(260);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Student student) {
                if (student == null) {
                    return "";
                }
                return student.name() + (student == created ? " (new)" : "");
            }

            @Override
            public Student fromString(String text) {
                return null;
            }
        });
        Button newStudent = new Button("New student…");
        newStudent.setId("correctionNewStudent");
        newStudent.setOnAction(event -> StudentDialog.ask(getDialogPane().getScene().getWindow(), null)
                .ifPresent(student -> {
                    students.remove(created);
                    students.removeIf(existing -> existing.name().equals(student.name()));
                    created = student;
                    students.add(student);
                    choice.getSelectionModel().select(student);
                }));
        Label note = new Label("Their face is enrolled from this video, and the videos with unknown people are"
                + " matched again.");
        note.setWrapText(true);
        note.setMaxWidth(380);
        note.getStyleClass().add("muted");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("This is"), new HBox(8, choice, newStudent));
        grid.add(note, 0, 1, 2, 1);
        getDialogPane().setContent(grid);
        ButtonType enrol = new ButtonType("Enrol", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(enrol, ButtonType.CANCEL);
        Node enrolButton = getDialogPane().lookupButton(enrol);
        enrolButton.setId("correctionEnrol");
        enrolButton.disableProperty().bind(choice.valueProperty().isNull());
        setResultConverter(button -> button == enrol && choice.getValue() != null
                ? new Answer(choice.getValue(), choice.getValue() == created)
                : null);
        Platform.runLater(choice::requestFocus);
    }

    static Optional<Answer> ask(Window owner, ResultRow row, List<Student> roster, FaceCrops crops) {
        return new CorrectionDialog(owner, row, roster, crops).showAndWait();
    }
}
