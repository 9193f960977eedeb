package org.classroom.desktop.viewmodel;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.classroom.common.format.EnrolmentKeys;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.logic.results.ResultsCsv;
import org.classroom.desktop.model.Connection;
import org.classroom.desktop.model.ConnectionState;
import org.classroom.desktop.model.ResultRow;

/**
 * The live results table: the latest result per video (one row per person seen), a filter over every
 * column, sorting (the view binds its comparator to {@link #sorted()}), CSV export and the state of
 * the connection to the relay.
 */
public final class ResultsViewModel {

    private final Executor ui;
    private final Executor background;
    private final Function<String, Optional<Instant>> uploadedAt;
    private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ResultRow> filtered = new FilteredList<>(rows, row -> true);
    private final SortedList<ResultRow> sorted = new SortedList<>(filtered);
    private final Map<String, Duration> latency = new HashMap<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<Connection> connection =
            new SimpleObjectProperty<>(Connection.offline("Not connected"));
    private final StringProperty notice = new SimpleStringProperty("");
    private final FaceCrops crops;
    private final SelectionViewModel selection;
    private volatile Consumer<VideoResult> enrolmentListener = result -> { };

    public ResultsViewModel(Executor ui, Executor background, Function<String, Optional<Instant>> uploadedAt) {
        this.ui = ui;
        this.background = background;
        this.uploadedAt = uploadedAt;
        this.crops = new FaceCrops(ui, background);
        this.selection = new SelectionViewModel(ui, background, rows);
        filter.addListener((observable, old, text) -> filtered.setPredicate(matching(text)));
    }

    /** Where results for enrolment keys go (they are not lecture videos). */
    void onEnrolment(Consumer<VideoResult> listener) {
        enrolmentListener = listener;
    }

    /** Called by the result feed from its thread. */
    void resultArrived(VideoResult result) {
        Instant arrived = Instant.now();
        ui.execute(() -> accept(result, arrived));
    }

    /** Called by the result feed from its thread. */
    void connectionChanged(Connection state) {
        ui.execute(() -> connection.set(state));
    }

    /** Shows a result: the rows of that video are replaced by the new ones. UI thread. */
    public void accept(VideoResult result, Instant arrived) {
        if (EnrolmentKeys.isEnrolment(result.video())) {
            enrolmentListener.accept(result);
            return;
        }
        Duration took = latency.computeIfAbsent(result.video(), video ->
                uploadedAt.apply(video).map(start -> Duration.between(start, arrived)).orElse(null));
        if (took == null) {
            latency.remove(result.video());
        }
        List<ResultRow> fresh = ResultRow.of(result, took);
        int at = indexOf(result.video());
        rows.removeIf(row -> row.video().equals(result.video()));
        rows.addAll(at < 0 ? rows.size() : Math.min(at, rows.size()), fresh);
    }

    private int indexOf(String video) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).video().equals(video)) {
                return i;
            }
        }
        return -1;
    }

    static Predicate<ResultRow> matching(String text) {
        if (text == null || text.isBlank()) {
            return row -> true;
        }
        String[] words = text.toLowerCase(Locale.ROOT).trim().split("\\s+");
        return row -> {
            String haystack = String.join(" ", String.valueOf(row.video()), String.valueOf(row.status()),
                    String.valueOf(row.displayName()), String.valueOf(row.id()), String.valueOf(row.major()),
                    String.valueOf(row.year()), String.valueOf(row.reason())).toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (!haystack.contains(word)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** Writes the rows as shown (filtered and sorted) to a CSV file, off the UI thread. */
    public CompletableFuture<Path> export(Path file) {
        List<ResultRow> snapshot = List.copyOf(sorted);
        return CompletableFuture.supplyAsync(() -> {
            try {
                ResultsCsv.write(snapshot, file);
                return file;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }, background).whenComplete((written, error) -> ui.execute(() -> notice.set(error == null
                ? "Exported " + snapshot.size() + (snapshot.size() == 1 ? " row" : " rows") + " to " + file
                : "Export failed: " + rootMessage(error))));
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && (cause instanceof java.util.concurrent.CompletionException)) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** The text to show when the table is empty: why, and what to do. */
    public String emptyText() {
        return rows.isEmpty()
                ? "No results yet. Drop lecture clips on the left; each video's result appears here as soon as it is ready."
                : "No result matches the filter.";
    }

    public BooleanBinding hasRows() {
        return Bindings.isNotEmpty(rows);
    }

    /** Every row, in arrival order. */
    public ObservableList<ResultRow> rows() {
        return rows;
    }

    /** The rows the table shows: filtered; bind {@code comparatorProperty()} to the table's. */
    public SortedList<ResultRow> sorted() {
        return sorted;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyObjectProperty<Connection> connectionProperty() {
        return connection;
    }

    public boolean connected() {
        ConnectionState state = connection.get().state();
        return state == ConnectionState.CONNECTED || state == ConnectionState.POLLING;
    }

    /** The thumbnails of the rows' face crops. */
    public FaceCrops crops() {
        return crops;
    }

    /** The selected row's frame and its video's timeline. */
    public SelectionViewModel selection() {
        return selection;
    }

    /** The outcome of the last export. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }
}
