package org.classroom.desktop.gui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.classroom.desktop.model.AttendanceSheet;
import org.classroom.desktop.model.Lecture;
import org.classroom.desktop.model.LectureGrouping;
import org.classroom.desktop.model.Presence;
import org.classroom.desktop.model.StudentAttendance;
import org.classroom.desktop.viewmodel.AttendanceViewModel;

/**
 * The attendance view: students × lectures (present with time on screen, or absent), never-seen
 * students marked, and a chart of how many students each lecture had. It only draws the sheet the view
 * model computed; the table's rows are virtualised and have a fixed height, so 200 students × 40
 * lectures scroll as lightly as ten.
 */
final class AttendanceView extends VBox {

    static final String NEVER_SEEN = "never-seen";
    static final String NOT_IN_ROSTER = "not-in-roster";
    private static final int FIXED_COLUMNS = 4;

    final TableView<StudentAttendance> table = new TableView<>();
    final ChoiceBox<LectureGrouping> grouping = new ChoiceBox<>();
    final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    final Button export = new Button("E_xport CSV…");

    AttendanceView(AttendanceViewModel model) {
        getStyleClass().add("attendance");
        setSpacing(8);
        setPadding(new Insets(10));
        Label heading = new Label("Attendance");
        heading.getStyleClass().add("section-title");
        Label summary = new Label();
        summary.setId("attendanceSummary");
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(model.summaryProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("attendanceBusy");
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.computingProperty());
        grouping.setId("lectureGrouping");
        grouping.getItems().setAll(LectureGrouping.values());
        grouping.valueProperty().bindBidirectional(model.groupingProperty());
        Label groupBy = new Label("Group lectures by:");
        groupBy.setLabelFor(grouping);
        export.setId("attendanceExportButton");
        export.setTooltip(new Tooltip("Save the sheet as shown (sorted) as a CSV file"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, heading, summary, spacer, busy, groupBy, grouping, export);
        bar.setAlignment(Pos.CENTER_LEFT);

        table.setId("attendanceTable");
        table.setFixedCellSize(26);
        table.setTableMenuButtonVisible(false);
        table.setPlaceholder(new Label("No lectures yet. Results of lecture clips fill this sheet: one column per lecture."));
        table.setRowFactory(t -> new AttendanceRow());
        table.getColumns().setAll(fixedColumns());
        model.sorted().comparatorProperty().bind(table.comparatorProperty());
        table.setItems(model.sorted());

        chart.setId("attendanceChart");
        chart.setTitle("Students present per lecture");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCategoryGap(12);
        chart.getXAxis().setLabel("lecture");
        NumberAxis count = (NumberAxis) chart.getYAxis();
        count.setLabel("students present");
        count.setMinorTickVisible(false);
        count.setAutoRanging(false);
        count.setLowerBound(0);
        chart.setMinHeight(160);

        SplitPane split = new SplitPane(table, chart);
        split.setId("attendanceSplit");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label notice = new Label();
        notice.setId("attendanceNotice");
        notice.getStyleClass().add("muted");
        notice.textProperty().bind(model.noticeProperty());
        getChildren().addAll(bar, split, notice);

        show(model.sheetProperty().get());
        model.sheetProperty().addListener((observable, old, sheet) -> show(sheet));
    }

    /** Rebuilds the lecture columns when the lectures changed, and the chart. */
    private void show(AttendanceSheet sheet) {
        List<Lecture> lectures = sheet.lectures();
        if (!sameLectures(lectures)) {
            List<TableColumn<StudentAttendance, ?>> sortedBy = List.copyOf(table.getSortOrder());
            table.getColumns().remove(FIXED_COLUMNS, table.getColumns().size());
            for (int i = 0; i < lectures.size(); i++) {
                table.getColumns().add(lectureColumn(lectures.get(i), i));
            }
            // sorting by a fixed column survives new lectures; by a lecture column that is gone, it cannot
            table.getSortOrder().setAll(sortedBy.stream().filter(table.getColumns()::contains).toList());
        }
        XYChart.Series<String, Number> present = new XYChart.Series<>();
        present.setName("students present");
        for (int i = 0; i < lectures.size(); i++) {
            present.getData().add(new XYChart.Data<>(lectures.get(i).name(), sheet.presentPerLecture().get(i)));
        }
        wholeStudents((NumberAxis) chart.getYAxis(), sheet.presentPerLecture().stream().mapToInt(Integer::intValue).max().orElse(0));
        ((CategoryAxis) chart.getXAxis()).getCategories().setAll(lectures.stream().map(Lecture::name).toList());
        chart.getData().setAll(List.of(present));
    }

    /** Ticks on whole students (the automatic range would tick at 2.5), five or so, so that the labels fit a short chart. */
    private static void wholeStudents(NumberAxis axis, int most) {
        int unit = Math.max(1, (int) Math.ceil(most / 5.0));
        axis.setTickUnit(unit);
        axis.setUpperBound(Math.max(unit, (int) Math.ceil((most + 1) / (double) unit) * unit));
    }

    private boolean sameLectures(List<Lecture> lectures) {
        if (table.getColumns().size() - FIXED_COLUMNS != lectures.size()) {
            return false;
        }
        for (int i = 0; i < lectures.size(); i++) {
            if (!lectures.get(i).equals(table.getColumns().get(FIXED_COLUMNS + i).getUserData())) {
                return false;
            }
        }
        return true;
    }

    private static List<TableColumn<StudentAttendance, ?>> fixedColumns() {
        TableColumn<StudentAttendance, String> name = column("Student", 170, StudentAttendance::name);
        name.setId("studentColumn");
        TableColumn<StudentAttendance, Integer> id = column("ID", 50, row -> row.student().id());
        TableColumn<StudentAttendance, Integer> attended = column("Attended", 95, StudentAttendance::attended);
        attended.setId("attendedColumn");
        attended.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer value, boolean empty) {
                super.updateItem(value, empty);
                StudentAttendance row = empty ? null : getTableRow().getItem();
                setText(row == null ? null : row.neverSeen() ? "never seen" : row.attended() + " of " + row.lectures().size());
            }
        });
        TableColumn<StudentAttendance, Double> time = column("On screen", 85, StudentAttendance::seconds);
        time.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : clock(value));
            }
        });
        return List.of(name, id, attended, time);
    }

    private static TableColumn<StudentAttendance, Presence> lectureColumn(Lecture lecture, int index) {
        // a row of the sheet before may be drawn once more under the new columns: it has no cell there
        TableColumn<StudentAttendance, Presence> column = column(lecture.name(), 90,
                row -> index < row.lectures().size() ? row.lectures().get(index) : null);
        column.setUserData(lecture);
        column.getStyleClass().add("lecture-column");
        Label header = new Label(lecture.name());
        header.setTooltip(new Tooltip(lecture.videos().size() == 1 ? lecture.videos().get(0)
                : lecture.videos().size() + " videos: " + String.join(", ", lecture.videos())));
        column.setGraphic(header);
        column.setText(null);
        column.setCellFactory(c -> new PresenceCell());
        return column;
    }

    private static <T> TableColumn<StudentAttendance, T> column(String title, double width,
                                                                Function<StudentAttendance, T> value) {
        TableColumn<StudentAttendance, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** Seconds as m:ss, or h:mm:ss from an hour on (a course clip is seconds long, a term many hours: both read). */
    static String clock(double seconds) {
        long whole = Math.round(seconds);
        return whole < 3600 ? String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60)
                : String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60);
    }

    /** What a lecture cell says: absent, present, or present with the time on screen. */
    static String text(Presence presence) {
        if (!presence.present()) {
            return "—";
        }
        if (presence.timed()) {
            return "✓ " + clock(presence.seconds());
        }
        return presence.seconds() > 0 ? "✓ " + clock(presence.seconds()) + "+" : "✓";
    }

    /** A lecture cell, coloured present or absent. */
    private static final class PresenceCell extends TableCell<StudentAttendance, Presence> {
        @Override
        protected void updateItem(Presence value, boolean empty) {
            super.updateItem(value, empty);
            getStyleClass().removeAll("present", "absent");
            if (empty || value == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(text(value));
            getStyleClass().add(value.present() ? "present" : "absent");
            setTooltip(value.present() && !value.timed()
                    ? new Tooltip("Present; the result gave no times for some clip, so the time is a lower bound")
                    : null);
        }
    }

    /** A row that stands out when its student was never seen, or was seen but is not in the roster. */
    private static final class AttendanceRow extends TableRow<StudentAttendance> {
        @Override
        protected void updateItem(StudentAttendance row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll(NEVER_SEEN, NOT_IN_ROSTER);
            setTooltip(null);
            if (empty || row == null) {
                return;
            }
            if (row.neverSeen()) {
                getStyleClass().add(NEVER_SEEN);
                setTooltip(new Tooltip(row.name() + " was not seen at any lecture this term"));
            } else if (!row.inRoster()) {
                getStyleClass().add(NOT_IN_ROSTER);
                setTooltip(new Tooltip(row.name() + " was recognised but is not in the roster"));
            }
        }
    }
}
