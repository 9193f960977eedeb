package org.classroom.desktop.gui;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.viewmodel.ResultsViewModel;

/** The live results table with its filter box, export button and empty state. */
final class ResultsView extends VBox {

    final TableView<ResultRow> table = new TableView<>();
    final TextField filter = new TextField();
    final Button export = new Button("_Export CSV…");

    ResultsView(ResultsViewModel model) {
        getStyleClass().add("results");
        setSpacing(6);
        Label heading = new Label("Results");
        heading.getStyleClass().add("section-title");
        filter.setId("filterField");
        filter.setPromptText("Filter (Ctrl+F): name, video, major…");
        filter.setPrefColumnCount(24);
        filter.textProperty().bindBidirectional(model.filterProperty());
        export.setId("exportButton");
        export.setTooltip(new Tooltip("Save the rows shown as a CSV file (Ctrl+E)"));
        export.disableProperty().bind(model.hasRows().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, heading, spacer, filter, export);
        bar.setAlignment(Pos.CENTER_LEFT);

        table.setId("resultsTable");
        table.getColumns().add(column("Video", 95, ResultRow::video));
        table.getColumns().add(statusColumn());
        table.getColumns().add(faceColumn(model));
        table.getColumns().add(nameColumn());
        table.getColumns().add(column("ID", 40, ResultRow::id));
        table.getColumns().add(column("Major", 150, ResultRow::major));
        table.getColumns().add(column("Year", 90, ResultRow::year));
        TableColumn<ResultRow, Double> distance = column("Distance", 75, ResultRow::distance);
        distance.setCellFactory(c -> formatted(d -> String.format(Locale.ROOT, "%.3f", d)));
        table.getColumns().add(distance);
        TableColumn<ResultRow, Duration> time = column("Result after", 100, ResultRow::uploadToResult);
        time.setCellFactory(c -> formatted(d -> String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)));
        time.setGraphic(null);
        table.getColumns().add(time);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        model.sorted().comparatorProperty().bind(table.comparatorProperty());
        table.setItems(model.sorted());

        Label empty = new Label();
        empty.setId("emptyState");
        empty.getStyleClass().add("empty-state");
        empty.setWrapText(true);
        empty.setMaxWidth(420);
        empty.setText(model.emptyText());
        model.rows().addListener((javafx.collections.ListChangeListener<ResultRow>) change -> empty.setText(model.emptyText()));
        model.filterProperty().addListener((o, a, b) -> empty.setText(model.emptyText()));
        table.setPlaceholder(empty);
        // below the table: the selected row's frame beside its video's timeline
        table.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> model.selection().select(row));
        SplitPane details = new SplitPane(new FrameView(model.selection().frame()),
                new TimelineView(model.selection().timeline()));
        details.setId("selectionDetails");
        details.setDividerPositions(0.45);
        SplitPane tableAndDetails = new SplitPane(table, details);
        tableAndDetails.setId("resultsSplit");
        tableAndDetails.setOrientation(Orientation.VERTICAL);
        tableAndDetails.setDividerPositions(0.55);
        VBox.setVgrow(tableAndDetails, Priority.ALWAYS);

        Label notice = new Label();
        notice.setId("resultsNotice");
        notice.getStyleClass().add("muted");
        notice.textProperty().bind(model.noticeProperty());
        BorderPane footer = new BorderPane();
        footer.setLeft(notice);
        getChildren().addAll(bar, tableAndDetails, footer);
    }

    private static <T> TableColumn<ResultRow, T> column(String title, double width, Function<ResultRow, T> value) {
        TableColumn<ResultRow, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> (ObservableValue<T>) new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private static TableColumn<ResultRow, String> faceColumn(ResultsViewModel model) {
        TableColumn<ResultRow, String> face = column("Face", 56, ResultRow::crop);
        face.setSortable(false);
        face.setCellFactory(c -> new FaceCell(model.crops()));
        return face;
    }

    /** Names, and "Unknown person N" set apart for the people the gallery does not know. */
    private static TableColumn<ResultRow, String> nameColumn() {
        TableColumn<ResultRow, String> name = column("Name", 140, ResultRow::displayName);
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                ResultRow row = getTableRow() == null ? null : getTableRow().getItem();
                getStyleClass().remove("unknown-person");
                setText(empty ? null : value);
                if (!empty && row != null && row.unknown()) {
                    getStyleClass().add("unknown-person");
                }
            }
        });
        return name;
    }

    private static TableColumn<ResultRow, String> statusColumn() {
        TableColumn<ResultRow, String> status = column("Status", 100, ResultRow::status);
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                getStyleClass().removeIf(style -> style.startsWith("status-"));
                if (empty || value == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(value);
                getStyleClass().add("status-" + value);
                ResultRow row = getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row != null && row.reason() != null ? new Tooltip(row.reason()) : null);
            }
        });
        return status;
    }

    private static <T> TableCell<ResultRow, T> formatted(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : format.apply(value));
            }
        };
    }
}
