package org.classroom.desktop.gui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.classroom.common.model.Student;
import org.classroom.desktop.viewmodel.RosterViewModel;

/** The roster: the students in the table, with add, edit, remove and enrol. */
final class RosterView extends VBox {

    final TableView<Student> table = new TableView<>();
    final Button add = new Button("_Add…");
    final Button edit = new Button("E_dit…");
    final Button remove = new Button("Re_move");
    final Button enrol = new Button("E_nrol face…");
    final Button refresh = new Button("Re_fresh");

    RosterView(RosterViewModel model) {
        getStyleClass().add("roster");
        setSpacing(8);
        setPadding(new Insets(10));
        Label heading = new Label("Roster");
        heading.getStyleClass().add("section-title");
        Label hint = new Label("The students the function can name. Enrol adds a face from a photo or a clip.");
        hint.getStyleClass().add("muted");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        add.setId("addStudentButton");
        edit.setId("editStudentButton");
        remove.setId("removeStudentButton");
        enrol.setId("enrolButton");
        refresh.setId("refreshRosterButton");
        HBox bar = new HBox(8, heading, hint, spacer, busy, refresh, add, edit, remove, enrol);
        bar.setAlignment(Pos.CENTER_LEFT);

        table.setId("rosterTable");
        table.getColumns().add(column("Name", 260, Student::name));
        table.getColumns().add(column("ID", 60, Student::id));
        table.getColumns().add(column("Major", 260, Student::major));
        table.getColumns().add(column("Year", 160, Student::year));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setItems(model.students());
        table.setPlaceholder(new Label("No students yet. Add one, or provision the table from student_data.json."));
        var noSelection = table.getSelectionModel().selectedItemProperty().isNull();
        edit.disableProperty().bind(noSelection);
        remove.disableProperty().bind(noSelection);
        enrol.disableProperty().bind(noSelection);
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE && !remove.isDisabled()) {
                remove.fire();
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER && !edit.isDisabled()) {
                edit.fire();
                event.consume();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Label status = new Label();
        status.setId("rosterStatus");
        status.getStyleClass().add("notice");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        getChildren().addAll(bar, table, status);
    }

    private static <T> TableColumn<Student, T> column(String title, double width, Function<Student, T> value) {
        TableColumn<Student, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }
}
