package org.classroom.desktop.gui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.viewmodel.CorrectionsViewModel;
import org.classroom.desktop.viewmodel.MainViewModel;

/**
 * The corrections of a results row, in the row's context menu and in the Edit menu (with the keys):
 * "This is…" names the row's face, "Not this student" takes a wrong name off it; the Edit menu also undoes
 * the last correction and shows the log of them.
 */
final class CorrectionMenu {

    private final Window owner;
    private final MainViewModel model;
    private final TableView<ResultRow> table;

    CorrectionMenu(Window owner, MainViewModel model, TableView<ResultRow> table) {
        this.owner = owner;
        this.model = model;
        this.table = table;
    }

    /** The Edit menu; the same items, without keys, become the table's context menu. */
    Menu editMenu() {
        MenuItem undo = new MenuItem();
        undo.setId("menuUndo");
        undo.textProperty().bind(model.corrections().undoTextProperty());
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undo.disableProperty().bind(model.corrections().canUndoProperty().not());
        undo.setOnAction(event -> model.corrections().undo());
        MenuItem log = new MenuItem("Corrections _log…");
        log.setId("menuCorrectionsLog");
        log.setAccelerator(KeyCombination.keyCombination("Shortcut+L"));
        log.setOnAction(event -> new CorrectionsLogDialog(owner, model.corrections().log()).showAndWait());
        Menu edit = new Menu("_Edit", null, undo, new SeparatorMenuItem(), thisIs("Shortcut+I"),
                notThisStudent("Shortcut+Shift+I"), new SeparatorMenuItem(), log);
        edit.setId("editMenu");
        table.setContextMenu(new ContextMenu(thisIs(null), notThisStudent(null)));
        return edit;
    }

    private MenuItem notThisStudent(String accelerator) {
        MenuItem item = new MenuItem("_Not this student");
        item.setId(accelerator == null ? "contextNotThisStudent" : "menuNotThisStudent");
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.disableProperty().bind(Bindings.createBooleanBinding(() -> !CorrectionsViewModel.canReject(selected()),
                table.getSelectionModel().selectedItemProperty()));
        item.setOnAction(event -> {
            ResultRow row = selected();
            if (CorrectionsViewModel.canReject(row)) {
                model.corrections().notThisStudent(row);
            }
        });
        return item;
    }

    private MenuItem thisIs(String accelerator) {
        MenuItem item = new MenuItem("_This is…");
        item.setId(accelerator == null ? "contextThisIs" : "menuThisIs");
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.disableProperty().bind(selectionCannotBeNamed());
        item.setOnAction(event -> askWhoThisIs());
        return item;
    }

    private BooleanBinding selectionCannotBeNamed() {
        return Bindings.createBooleanBinding(() -> !CorrectionsViewModel.canName(selected()),
                table.getSelectionModel().selectedItemProperty());
    }

    private void askWhoThisIs() {
        ResultRow row = selected();
        if (!CorrectionsViewModel.canName(row)) {
            return;
        }
        CorrectionDialog.ask(owner, row, model.roster().students(), model.results().crops())
                .ifPresent(answer -> model.corrections().thisIs(row, answer.student(), answer.created()));
    }

    private ResultRow selected() {
        return table.getSelectionModel().getSelectedItem();
    }
}
