package org.classroom.desktop.viewmodel;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.logic.corrections.CorrectionLog;
import org.classroom.desktop.logic.corrections.FaceCorrections;
import org.classroom.desktop.logic.roster.Enrolment;
import org.classroom.desktop.logic.roster.Roster;
import org.classroom.desktop.model.CorrectionEntry;
import org.classroom.desktop.model.ResultRow;

/**
 * Corrections of the results: "This is…" enrols the face of a row as a student (creating the student
 * first when asked), and once the function has enrolled it, has the videos that may show that face matched
 * again; "Not this student" records a wrong match and has its video matched again. New results replace
 * the rows as they come. Each correction can be undone, last first, and goes into a log kept in a file. Progress and failures go to {@link #statusProperty()}.
 */
public final class CorrectionsViewModel {

    private final Executor ui;
    private final Executor background;
    private final ObservableList<ResultRow> rows;
    private final StringProperty status = new SimpleStringProperty("");
    private final Map<String, PendingEnrolment> pendingEnrolments = new HashMap<>();
    /** The ETag of the version each video's result was made from, so a face is enrolled from that version. */
    private final Map<String, String> etags = new ConcurrentHashMap<>();
    private final Set<String> matchingAgain = new LinkedHashSet<>();
    private int matchTotal;
    private volatile Supplier<FaceCorrections> corrections = () -> null;
    private volatile Supplier<Roster> roster = () -> null;
    private volatile Runnable rosterChanged = () -> { };
    private final Deque<Done> done = new ArrayDeque<>();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final StringProperty undoText = new SimpleStringProperty("Undo");
    private final ObservableList<CorrectionEntry> log = FXCollections.observableArrayList();
    private volatile CorrectionLog logStore;

    /** A face sent for enrolment, until the function answers for its key. */
    private record PendingEnrolment(ResultRow row, String student, boolean created, String rejection) {
    }

    /** A correction made, as its undo needs it. */
    private sealed interface Done {
        ResultRow row();

        String what();

        String student();
    }

    /**
     * "This is…": the enrolment's key names the encoding to take out; a student it created goes again; on a row
     * that named someone else, {@code rejection} is the "not them" that came with it (else null).
     */
    private record Named(ResultRow row, String student, boolean created, String key, String rejection,
                         List<String> videos) implements Done {
        @Override
        public String what() {
            return "This is…";
        }
    }

    /** "Not this student": the rejection's id. */
    private record Rejected(ResultRow row, String student, String id) implements Done {
        @Override
        public String what() {
            return "Not this student";
        }
    }

    public CorrectionsViewModel(Executor ui, Executor background, ObservableList<ResultRow> rows) {
        this.ui = ui;
        this.background = background;
        this.rows = rows;
        rows.addListener((ListChangeListener<ResultRow>) change -> {
            while (change.next()) {
                if (change.wasAdded()) {
                    change.getAddedSubList().forEach(row -> matchedAgain(row.video()));
                }
            }
        });
    }

    /** Keeps the log in {@code store}, and shows what it holds already (read in the background). */
    void useLog(CorrectionLog store) {
        logStore = store;
        CompletableFuture.supplyAsync(store::read, background).whenComplete((entries, error) -> ui.execute(() -> {
            if (error == null) {
                log.addAll(0, entries);
            } else {
                status.set("The corrections log cannot be read: " + Failures.message(error));
            }
        }));
    }

    void attach(Supplier<FaceCorrections> newCorrections, Supplier<Roster> newRoster, Runnable onRosterChanged) {
        corrections = newCorrections;
        roster = newRoster;
        rosterChanged = onRosterChanged;
    }

    /** Called by the result feed from its thread, before the rows are replaced. */
    void resultArrived(VideoResult result) {
        if (result.etag() != null) {
            etags.put(result.video(), result.etag());
        }
    }

    /** Whether "This is…" applies to the row: a person with a face and where it was seen. */
    public static boolean canName(ResultRow row) {
        return row != null && row.displayName() != null && row.box() != null && row.frameSeconds() != null;
    }

    /**
     * The row's face is {@code student}: saves the student first when {@code create}, then sends the face for
     * enrolment. UI thread; the work runs in the background.
     */
    public CompletableFuture<Void> thisIs(ResultRow row, Student student, boolean create) {
        if (!canName(row)) {
            status.set("This row has no face to enrol");
            return CompletableFuture.completedFuture(null);
        }
        Enrolment.checkName(student.name());
        status.set("Enrolling " + row.displayName() + " of " + row.video() + " as " + student.name() + "…");
        return CompletableFuture.runAsync(() -> {
            FaceCorrections service = service();
            if (create) {
                Roster students = roster.get();
                if (students == null) {
                    throw new IllegalStateException("not connected: check the settings");
                }
                students.save(student);
                rosterChanged.run();
            }
            // A row named wrongly: the old name must not win the face back on the next run.
            String rejection = row.name() != null && !row.name().equals(student.name())
                    ? service.reject(row.name(), row.video(), row.frameSeconds(), row.box()) : null;
            String key = service.enrolFace(student.name(), row.video(), etags.get(row.video()), row.frameSeconds(),
                    row.box());
            ui.execute(() -> pendingEnrolments.put(key, new PendingEnrolment(row, student.name(), create, rejection)));
        }, background).whenComplete((ok, error) -> {
            if (error != null) {
                ui.execute(() -> status.set("Could not enrol " + row.displayName() + " as " + student.name() + ": "
                        + Failures.message(error)));
            }
        });
    }

    /** Whether "Not this student" applies to the row: someone named, with where their face was seen. */
    public static boolean canReject(ResultRow row) {
        return row != null && row.name() != null && row.box() != null && row.frameSeconds() != null;
    }

    /**
     * The row's face is not the student it was named after: the correction is recorded in the cloud and the
     * video matched again, where that face comes back as an unknown person. UI thread.
     */
    public CompletableFuture<Void> notThisStudent(ResultRow row) {
        if (!canReject(row)) {
            status.set("This row names no one to correct");
            return CompletableFuture.completedFuture(null);
        }
        status.set("Recording that the face in " + row.video() + " is not " + row.name() + "…");
        matchingAgain.add(row.video());
        matchTotal = matchingAgain.size();
        return CompletableFuture.runAsync(() -> {
            FaceCorrections service = service();
            String id = service.reject(row.name(), row.video(), row.frameSeconds(), row.box());
            ui.execute(() -> {
                status.set("Not " + row.name() + " in " + row.video() + ": matching it again…");
                remember(new Rejected(row, row.name(), id));
            });
            service.matchAgain(row.video());
        }, background).whenComplete((ok, error) -> {
            if (error != null) {
                ui.execute(() -> {
                    matchingAgain.remove(row.video());
                    status.set("Could not correct " + row.name() + " in " + row.video() + ": " + Failures.message(error));
                });
            }
        });
    }

    /**
     * An enrolment's result. True when it was one of this view-model's; then, if the face was enrolled, the
     * videos it may be in are matched again. UI thread.
     */
    boolean enrolmentResult(VideoResult result) {
        PendingEnrolment pending = pendingEnrolments.remove(result.video());
        if (pending == null) {
            return false;
        }
        if (result.status() != ResultStatus.RECOGNISED) {
            String why = result.reason() == null ? result.status().wireName() : result.reason();
            status.set("Could not enrol " + pending.row().displayName() + " of " + pending.row().video() + " as "
                    + pending.student() + ": " + why.replaceFirst("^not enrolled: ", ""));
            return true;
        }
        List<String> videos = videosToMatchAgain(pending.row().video());
        remember(new Named(pending.row(), pending.student(), pending.created(), result.video(), pending.rejection(),
                videos));
        status.set("Enrolled " + pending.student() + "; matching " + count(videos.size()) + " again…");
        matchAgain(videos, "Enrolled " + pending.student());
        return true;
    }

    /** Takes back the last correction, and has its videos matched again. UI thread. */
    public CompletableFuture<Void> undo() {
        Done last = done.poll();
        updateUndo();
        if (last == null) {
            return CompletableFuture.completedFuture(null);
        }
        String what = "Undo: " + last.what() + " " + last.student() + " (" + last.row().displayName() + " in "
                + last.row().video() + ")";
        status.set(what + "…");
        List<String> videos = last instanceof Named named ? named.videos() : List.of(last.row().video());
        return CompletableFuture.runAsync(() -> {
            FaceCorrections service = service();
            if (last instanceof Named named) {
                if (named.created()) {
                    // The student came with the correction: they go with it, encodings and all.
                    Roster students = roster.get();
                    if (students == null) {
                        throw new IllegalStateException("not connected: check the settings");
                    }
                    students.remove(named.student());
                    rosterChanged.run();
                } else {
                    service.unenrolFace(named.student(), named.key());
                }
                if (named.rejection() != null) {
                    service.unreject(named.row().name(), named.rejection());
                }
            } else if (last instanceof Rejected rejected) {
                service.unreject(rejected.student(), rejected.id());
            }
        }, background).whenComplete((ok, error) -> ui.execute(() -> {
            if (error != null) {
                done.push(last);   // still in force: the user may try again
                updateUndo();
                status.set(what + " failed: " + Failures.message(error));
                return;
            }
            record(new CorrectionEntry(Instant.now(), "Undo: " + last.what(), last.row().video(),
                    last.row().displayName(), last.student()));
            String undone = what.replaceFirst("^Undo", "Undid");
            status.set(undone + "; matching " + count(videos.size()) + " again…");
            matchAgain(videos, undone);
        }));
    }

    private void remember(Done correction) {
        done.push(correction);
        updateUndo();
        record(new CorrectionEntry(Instant.now(), correction.what(), correction.row().video(),
                correction.row().displayName(), correction.student()));
    }

    private void updateUndo() {
        Done last = done.peek();
        canUndo.set(last != null);
        undoText.set(last == null ? "Undo" : "Undo " + last.what() + " " + last.student());
    }

    /** Adds to the log shown and to the file (in the background). UI thread. */
    private void record(CorrectionEntry entry) {
        log.add(entry);
        CorrectionLog store = logStore;
        if (store != null) {
            CompletableFuture.runAsync(() -> store.append(entry), background).whenComplete((ok, error) -> {
                if (error != null) {
                    ui.execute(() -> status.set("The corrections log cannot be written: " + Failures.message(error)));
                }
            });
        }
    }

    /** The corrected video first, then every other video with someone unknown: the face may be theirs. */
    private List<String> videosToMatchAgain(String corrected) {
        Set<String> videos = new LinkedHashSet<>();
        videos.add(corrected);
        rows.stream().filter(ResultRow::unknown).map(ResultRow::video).forEach(videos::add);
        return new ArrayList<>(videos);
    }

    /** Announces the videos again; {@code done} says what came before, for a failure's message. */
    private void matchAgain(List<String> videos, String done) {
        matchingAgain.addAll(videos);
        matchTotal = matchingAgain.size();
        CompletableFuture.runAsync(() -> {
            FaceCorrections service = service();
            for (String video : videos) {
                service.matchAgain(video);
            }
        }, background).whenComplete((ok, error) -> {
            if (error != null) {
                ui.execute(() -> {
                    matchingAgain.removeAll(videos);
                    status.set(done + ", but matching again failed: " + Failures.message(error));
                });
            }
        });
    }

    private void matchedAgain(String video) {
        if (!matchingAgain.remove(video)) {
            return;
        }
        int done = matchTotal - matchingAgain.size();
        status.set(matchingAgain.isEmpty()
                ? "Matched " + count(matchTotal) + " again"
                : "Matching again: " + done + " of " + matchTotal + " videos done…");
    }

    private static String count(int videos) {
        return videos + (videos == 1 ? " video" : " videos");
    }

    private FaceCorrections service() {
        FaceCorrections current = corrections.get();
        if (current == null) {
            throw new IllegalStateException("not connected: check the settings");
        }
        return current;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    /** "Undo" and what it would take back. */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText;
    }

    /** The corrections made on this desktop, oldest first (with those of earlier sessions). */
    public ObservableList<CorrectionEntry> log() {
        return FXCollections.unmodifiableObservableList(log);
    }

    /** What the last correction is doing or came to, for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }
}
