package org.classroom.desktop.gui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.classroom.desktop.viewmodel.UploadRowViewModel;
import org.classroom.desktop.viewmodel.UploadsViewModel;

/** The uploads list: one row per file with its progress, speed, and cancel or retry. */
final class UploadsView extends VBox {

    final ListView<UploadRowViewModel> list = new ListView<>();

    UploadsView(UploadsViewModel model) {
        getStyleClass().add("uploads");
        setSpacing(6);
        Label heading = new Label("Uploads");
        heading.getStyleClass().add("section-title");
        Label summary = new Label();
        summary.setId("uploadsSummary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(model.summaryProperty());
        summary.managedProperty().bind(summary.textProperty().isNotEmpty());
        summary.visibleProperty().bind(summary.managedProperty());
        Button clear = new Button("C_lear finished");
        clear.setOnAction(event -> model.clearFinished());
        BorderPane top = new BorderPane();
        top.setLeft(heading);
        top.setRight(clear);
        BorderPane.setAlignment(heading, Pos.CENTER_LEFT);

        Label notice = new Label();
        notice.setId("uploadsNotice");
        notice.getStyleClass().add("notice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        notice.managedProperty().bind(notice.textProperty().isNotEmpty());
        notice.visibleProperty().bind(notice.managedProperty());

        list.setId("uploadsList");
        list.setItems(model.rows());
        list.setCellFactory(view -> {
            UploadCell cell = new UploadCell(model);
            // Rows as wide as the list, never wider: no sideways scrolling, the buttons stay in view.
            cell.prefWidthProperty().bind(view.widthProperty().subtract(24));
            cell.setMaxWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            return cell;
        });
        list.setPlaceholder(new Label("No uploads yet"));
        list.setOnKeyPressed(event -> {
            UploadRowViewModel row = list.getSelectionModel().getSelectedItem();
            if (row == null) {
                return;
            }
            if (event.getCode() == KeyCode.DELETE && row.cancellableProperty().get()) {
                model.cancel(row);
                event.consume();
            } else if (event.getCode() == KeyCode.R && row.retryableProperty().get()) {
                model.retry(row);
                event.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(top, summary, notice, list);
    }

    /** A row: name and state, progress bar, detail (bytes, speed or reason), cancel/retry. */
    private static final class UploadCell extends ListCell<UploadRowViewModel> {
        private final Label name = new Label();
        private final Label state = new Label();
        private final ProgressBar progress = new ProgressBar();
        private final Label detail = new Label();
        private final Button cancel = new Button("Cancel");
        private final Button retry = new Button("Retry");
        private final VBox box;
        private final javafx.beans.value.ChangeListener<String> stateStyle = (observable, old, now) -> {
            getStyleClass().remove("state-" + old);
            getStyleClass().add("state-" + now);
        };
        private UploadRowViewModel shown;

        UploadCell(UploadsViewModel model) {
            name.getStyleClass().add("upload-name");
            state.getStyleClass().add("upload-state");
            detail.getStyleClass().add("upload-detail");
            detail.setWrapText(true);
            progress.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(progress, Priority.ALWAYS);
            cancel.getStyleClass().add("small-button");
            retry.getStyleClass().add("small-button");
            cancel.setTooltip(new Tooltip("Stop this upload (Delete)"));
            retry.setTooltip(new Tooltip("Upload this file again (R)"));
            cancel.setOnAction(event -> model.cancel(getItem()));
            retry.setOnAction(event -> model.retry(getItem()));
            BorderPane title = new BorderPane();
            title.setLeft(name);
            title.setRight(state);
            HBox bar = new HBox(6, progress, cancel, retry);
            bar.setAlignment(Pos.CENTER_LEFT);
            box = new VBox(3, title, bar, detail);
            box.setMinWidth(0);
            box.setPrefWidth(0);
            name.setMinWidth(0);
            detail.setMinWidth(0);
            progress.setMinWidth(40);
            setGraphic(null);
        }

        @Override
        protected void updateItem(UploadRowViewModel row, boolean empty) {
            super.updateItem(row, empty);
            if (shown != null) {
                shown.stateProperty().removeListener(stateStyle);
                shown = null;
            }
            name.textProperty().unbind();
            state.textProperty().unbind();
            detail.textProperty().unbind();
            progress.progressProperty().unbind();
            cancel.visibleProperty().unbind();
            cancel.managedProperty().unbind();
            retry.visibleProperty().unbind();
            retry.managedProperty().unbind();
            progress.visibleProperty().unbind();
            progress.managedProperty().unbind();
            getStyleClass().removeIf(style -> style.startsWith("state-"));
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.textProperty().bind(row.nameProperty());
            state.textProperty().bind(row.stateProperty());
            detail.textProperty().bind(row.detailProperty());
            progress.progressProperty().bind(row.progressProperty());
            progress.visibleProperty().bind(row.refusedProperty().not());
            progress.managedProperty().bind(progress.visibleProperty());
            cancel.visibleProperty().bind(row.cancellableProperty());
            cancel.managedProperty().bind(row.cancellableProperty());
            retry.visibleProperty().bind(row.retryableProperty());
            retry.managedProperty().bind(row.retryableProperty());
            getStyleClass().add("state-" + row.stateProperty().get());
            row.stateProperty().addListener(stateStyle);
            shown = row;
            setGraphic(box);
        }
    }
}
