package org.classroom.desktop.viewmodel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import org.classroom.common.format.EnrolmentKeys;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.logic.attendance.AttendanceCalculator;
import org.classroom.desktop.logic.attendance.AttendanceCsv;
import org.classroom.desktop.model.AttendanceSheet;
import org.classroom.desktop.model.LectureGrouping;
import org.classroom.desktop.model.StudentAttendance;

/**
 * The attendance view: the latest result per video and the roster, turned into students × lectures
 * off the UI thread whenever either changes or the user groups the lectures another way. One
 * computation runs at a time; changes meanwhile are folded into one more run, so a burst of results
 * costs two runs, not one per result. Everything but the computation and the export runs on the UI thread.
 */
public final class AttendanceViewModel {

    private final Executor ui;
    private final Executor background;
    private final ObservableList<Student> roster;
    private final ZoneId zone;
    private final Map<String, VideoResult> latest = new LinkedHashMap<>();
    private final ObjectProperty<LectureGrouping> grouping = new SimpleObjectProperty<>(LectureGrouping.VIDEO);
    private final ObjectProperty<AttendanceSheet> sheet =
            new SimpleObjectProperty<>(AttendanceSheet.empty(LectureGrouping.VIDEO));
    private final ObservableList<StudentAttendance> rows = FXCollections.observableArrayList();
    private final SortedList<StudentAttendance> sorted = new SortedList<>(rows);
    private final BooleanProperty computing = new SimpleBooleanProperty();
    private final StringProperty summary = new SimpleStringProperty("No lectures yet");
    private final StringProperty notice = new SimpleStringProperty("");
    private boolean running;
    private boolean changedMeanwhile;

    /**
     * @param roster the roster's students, changed on the UI thread (the roster view model's list)
     * @param zone   the zone whose calendar days make the lectures when grouped by date
     */
    public AttendanceViewModel(Executor ui, Executor background, ObservableList<Student> roster, ZoneId zone) {
        this.ui = ui;
        this.background = background;
        this.roster = roster;
        this.zone = zone;
        roster.addListener((ListChangeListener<Student>) change -> recompute());
        grouping.addListener((observable, old, now) -> recompute());
    }

    /** Called by the result feed from its thread. */
    void resultArrived(VideoResult result) {
        ui.execute(() -> accept(result));
    }

    /** Takes a video's result, replacing the one before. UI thread. */
    public void accept(VideoResult result) {
        if (EnrolmentKeys.isEnrolment(result.video())) {
            return;
        }
        latest.put(result.video(), result);
        recompute();
    }

    /** Takes many results at once, computing once. UI thread. */
    public void acceptAll(List<VideoResult> results) {
        results.stream().filter(r -> !EnrolmentKeys.isEnrolment(r.video())).forEach(r -> latest.put(r.video(), r));
        recompute();
    }

    /** UI thread: copies the inputs (cheap) and computes in the background. */
    private void recompute() {
        if (running) {
            changedMeanwhile = true;
            return;
        }
        running = true;
        computing.set(true);
        List<Student> students = List.copyOf(roster);
        List<VideoResult> results = List.copyOf(latest.values());
        LectureGrouping by = grouping.get();
        try {
            CompletableFuture.supplyAsync(() -> AttendanceCalculator.compute(students, results, by, zone), background)
                    .whenComplete((computed, error) -> ui.execute(() -> finished(computed, error)));
        } catch (RejectedExecutionException closing) {
            // the window is closing and its pool has stopped: nothing left to show the sheet in
            running = false;
            changedMeanwhile = false;
            computing.set(false);
        }
    }

    private void finished(AttendanceSheet computed, Throwable error) {
        running = false;
        if (error != null) {
            notice.set("Attendance not computed: " + rootMessage(error));
        } else {
            sheet.set(computed);
            rows.setAll(computed.students());
            summary.set(describe(computed));
        }
        if (changedMeanwhile) {
            changedMeanwhile = false;
            recompute();
        } else {
            computing.set(false);
        }
    }

    static String describe(AttendanceSheet sheet) {
        if (sheet.lectures().isEmpty()) {
            return "No lectures yet: results of lecture clips appear here";
        }
        int students = sheet.students().size();
        int lectures = sheet.lectures().size();
        long never = sheet.neverSeen();
        return students + (students == 1 ? " student" : " students") + " × " + lectures
                + (lectures == 1 ? " lecture" : " lectures")
                + (never == 0 ? "" : " · " + never + " never seen this term");
    }

    /** Writes the sheet with the rows as shown (sorted) to a CSV file, off the UI thread. */
    public CompletableFuture<Path> export(Path file) {
        AttendanceSheet current = sheet.get();
        AttendanceSheet shown = new AttendanceSheet(current.grouping(), current.lectures(), List.copyOf(sorted),
                current.presentPerLecture());
        return CompletableFuture.supplyAsync(() -> {
            try {
                AttendanceCsv.write(shown, file);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }, background).whenComplete((written, error) -> ui.execute(() -> notice.set(error == null
                ? "Exported " + shown.students().size() + " students × " + shown.lectures().size() + " lectures to " + file
                : "Export failed: " + rootMessage(error))));
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** How the lectures are made; changing it recomputes. */
    public ObjectProperty<LectureGrouping> groupingProperty() {
        return grouping;
    }

    /** The last computed sheet (lectures, students, the chart's counts). */
    public ReadOnlyObjectProperty<AttendanceSheet> sheetProperty() {
        return sheet;
    }

    /** The rows the table shows; bind {@code comparatorProperty()} to the table's. */
    public SortedList<StudentAttendance> sorted() {
        return sorted;
    }

    /** True while a computation is running or waiting to run. */
    public ReadOnlyBooleanProperty computingProperty() {
        return computing;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** The outcome of the last export, or why the sheet could not be computed. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }
}
