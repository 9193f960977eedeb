package org.classroom.desktop.gui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.classroom.desktop.model.CorrectionEntry;

/** The corrections log: when, what, which video, whose row and which student, newest last. */
final class CorrectionsLogDialog extends Dialog<Void> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    CorrectionsLogDialog(Window owner, ObservableList<CorrectionEntry> log) {
        initOwner(owner);
        setTitle("Corrections");
        setHeaderText("Corrections made on this desktop");
        TableView<CorrectionEntry> table = new TableView<>(log);
        table.setId("correctionsLog");
        table.getColumns().add(column("Time", 150, entry -> TIME.format(entry.at())));
        table.getColumns().add(column("What", 140, CorrectionEntry::what));
        table.getColumns().add(column("Video", 110, CorrectionEntry::video));
        table.getColumns().add(column("Row", 130, CorrectionEntry::person));
        table.getColumns().add(column("Student", 130, CorrectionEntry::student));
        table.setPlaceholder(new Label("No corrections yet: right-click a result row for \"This is…\" or \"Not this student\"."));
        table.setPrefSize(680, 300);
        if (!log.isEmpty()) {
            table.scrollTo(log.size() - 1);
        }
        getDialogPane().setContent(table);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        setResizable(true);
    }

    private static TableColumn<CorrectionEntry, String> column(String title, double width,
                                                                Function<CorrectionEntry, String> value) {
        TableColumn<CorrectionEntry, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
