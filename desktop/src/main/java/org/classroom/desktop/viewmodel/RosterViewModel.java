package org.classroom.desktop.viewmodel;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.classroom.common.format.EnrolmentKeys;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.logic.roster.Enrolment;
import org.classroom.desktop.logic.roster.Roster;

/**
 * The roster: the students from the table, add, edit, remove, and enrolment of a face from a photo or
 * clip, whose outcome arrives later as a result for the enrolment key.
 */
public final class RosterViewModel {

    private final Executor ui;
    private final Executor background;
    private final ObservableList<Student> students = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Map<String, String> pendingEnrolments = new HashMap<>();
    private volatile Supplier<Roster> roster = () -> null;

    public RosterViewModel(Executor ui, Executor background) {
        this.ui = ui;
        this.background = background;
    }

    void attach(Supplier<Roster> newRoster) {
        roster = newRoster;
    }

    /** Reads the students again from the table. */
    public CompletableFuture<Void> refresh() {
        return run("Reading the roster…", current -> {
            List<Student> list = current.list();
            ui.execute(() -> {
                students.setAll(list);
                status.set(list.size() + (list.size() == 1 ? " person" : " people") + " in the roster");
            });
        });
    }

    /** Reads the students again, leaving the status line as it is. */
    private void reload() {
        run(null, current -> {
            List<Student> list = current.list();
            ui.execute(() -> students.setAll(list));
        });
    }

    /** What is wrong with a student's name and ID as typed in the form, or null when they can be saved. */
    public static String problem(String name, String id) {
        try {
            Enrolment.checkName(name == null ? null : name.trim());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (id != null && !id.isBlank() && !id.trim().matches("\\d{1,9}")) {
            return "The ID must be a whole number";
        }
        return null;
    }

    /** Adds or updates a student; {@code previousName} is the name before an edit that renamed them (else null). */
    public CompletableFuture<Void> save(Student student, String previousName) {
        Enrolment.checkName(student.name());
        return run("Saving " + student.name() + "…", current -> {
            current.save(student);
            if (previousName != null && !previousName.equals(student.name())) {
                current.remove(previousName);
            }
            List<Student> list = current.list();
            ui.execute(() -> {
                students.setAll(list);
                status.set("Saved " + student.name());
            });
        });
    }

    public CompletableFuture<Void> remove(Student student) {
        return run("Removing " + student.name() + "…", current -> {
            current.remove(student.name());
            List<Student> list = current.list();
            ui.execute(() -> {
                students.setAll(list);
                status.set("Removed " + student.name());
            });
        });
    }

    /** Sends the photo or clip; the outcome shows when its result arrives ({@link #enrolmentResult}). */
    public CompletableFuture<Void> enrol(String name, Path file) {
        Optional<String> refusal = Enrolment.refusal(file);
        if (refusal.isPresent()) {
            status.set("Cannot enrol " + name + ": " + file.getFileName() + " " + refusal.get());
            return CompletableFuture.completedFuture(null);
        }
        return run("Sending " + file.getFileName() + " to enrol " + name + "…", current -> {
            String key = current.enrol(name, file);
            synchronized (pendingEnrolments) {
                pendingEnrolments.put(key, name);
            }
            ui.execute(() -> status.set("Enrolling " + name + " from " + file.getFileName()
                    + ": waiting for the function's answer…"));
        });
    }

    /** A result for an enrolment key. UI thread. */
    void enrolmentResult(VideoResult result) {
        String name;
        synchronized (pendingEnrolments) {
            name = pendingEnrolments.remove(result.video());
        }
        if (name == null) {
            name = EnrolmentKeys.studentName(result.video()).orElse("?");
        }
        String file = EnrolmentKeys.fileName(result.video());
        status.set(describe(name, file, result));
        reload();
    }

    static String describe(String name, String file, VideoResult result) {
        if (result.status() == ResultStatus.RECOGNISED) {
            String distance = result.people().stream()
                    .filter(p -> p.name().equals(name))
                    .map(RecognisedPerson::distance)
                    .filter(d -> Double.isFinite(d) && d > 0)
                    .findFirst()
                    .map(d -> String.format(java.util.Locale.ROOT, " (distance to the earlier faces %.2f)", d))
                    .orElse("");
            String what = result.reason() == null ? "face added" : result.reason();
            return "Enrolled " + name + " from " + file + ": " + what + distance;
        }
        String why = result.reason() == null ? result.status().wireName() : result.reason();
        return "Enrolment of " + name + " from " + file + " failed: " + why.replaceFirst("^not enrolled: ", "");
    }

    private interface RosterWork {
        void run(Roster roster) throws Exception;
    }

    /** Runs roster work off the UI thread; {@code doing} (if not null) is shown meanwhile. UI thread. */
    private CompletableFuture<Void> run(String doing, RosterWork work) {
        if (doing != null) {
            status.set(doing);
        }
        busy.set(true);
        return CompletableFuture.runAsync(() -> {
            Roster current = roster.get();
            if (current == null) {
                throw new IllegalStateException("not connected: check the settings");
            }
            try {
                work.run(current);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, background).whenComplete((ok, error) -> ui.execute(() -> {
            busy.set(false);
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                status.set("Failed: " + cause.getMessage());
            }
        }));
    }

    public ObservableList<Student> students() {
        return students;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
