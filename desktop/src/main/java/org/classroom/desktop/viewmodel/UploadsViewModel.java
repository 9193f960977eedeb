package org.classroom.desktop.viewmodel;

import java.nio.file.Path;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.classroom.desktop.logic.files.FileIntake;
import org.classroom.desktop.logic.files.Intake;
import org.classroom.desktop.logic.files.Refusal;
import org.classroom.desktop.logic.upload.Upload;
import org.classroom.desktop.logic.upload.UploadService;
import org.classroom.desktop.logic.upload.UploadState;

/**
 * The drop zone and the uploads list. Files are checked and de-duplicated off the UI thread, then
 * handed to the upload service; every change comes back to the UI thread through {@code ui}.
 */
public final class UploadsViewModel {

    private final Executor ui;
    private final Executor background;
    private final FileIntake intake = new FileIntake();
    private final ObservableList<UploadRowViewModel> rows = FXCollections.observableArrayList();
    private final Map<Upload, UploadRowViewModel> rowsByUpload = new IdentityHashMap<>();
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final java.util.Set<Upload> retired = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Path> unsent = new java.util.ArrayList<>();
    private volatile UploadService service;

    public UploadsViewModel(Executor ui, Executor background) {
        this.ui = ui;
        this.background = background;
    }

    /** Uses this service from now on (null while the services are being replaced: files wait meanwhile). */
    void attach(UploadService newService) {
        List<Path> waiting;
        synchronized (unsent) {
            service = newService;
            if (newService == null) {
                return;
            }
            waiting = List.copyOf(unsent);
            unsent.clear();
        }
        waiting.forEach(newService::submit);
    }

    /**
     * Uploads of a service being replaced (the settings changed): their rows go, since the new service
     * takes them over with rows of its own.
     */
    void retire(List<Upload> uploads) {
        synchronized (rowsByUpload) {
            retired.addAll(uploads);
        }
        ui.execute(() -> {
            synchronized (rowsByUpload) {
                for (Upload upload : uploads) {
                    UploadRowViewModel row = rowsByUpload.remove(upload);
                    if (row != null) {
                        rows.remove(row);
                    }
                }
            }
            updateSummary();
        });
    }

    /** The listener the upload service calls from its threads. */
    void uploadChanged(Upload upload) {
        UploadRowViewModel existing;
        synchronized (rowsByUpload) {
            if (retired.contains(upload)) {
                return;
            }
            existing = rowsByUpload.get(upload);
        }
        if (existing != null && !existing.claimRefresh()) {
            return;
        }
        ui.execute(() -> {
            UploadRowViewModel row;
            synchronized (rowsByUpload) {
                if (retired.contains(upload)) {
                    return;
                }
                row = rowsByUpload.get(upload);
                if (row == null) {
                    row = new UploadRowViewModel(upload);
                    rowsByUpload.put(upload, row);
                    rows.add(row);
                }
            }
            row.refresh();
            updateSummary();
        });
    }

    /** Takes dropped or chosen files and folders: checks them off the UI thread, then queues the good ones. */
    public void add(List<Path> paths) {
        background.execute(() -> {
            Intake taken = intake.take(paths);
            UploadService current;
            synchronized (unsent) {
                current = service;
                if (current == null) {
                    taken.accepted().forEach(candidate -> unsent.add(candidate.file()));
                }
            }
            ui.execute(() -> {
                for (Refusal refusal : taken.refused()) {
                    rows.add(UploadRowViewModel.refused(refusal));
                }
                notice.set(describe(taken, current));
                updateSummary();
            });
            if (current != null) {
                taken.accepted().forEach(candidate -> current.submit(candidate.file()));
            }
        });
    }

    private static String describe(Intake taken, UploadService current) {
        StringBuilder text = new StringBuilder();
        int accepted = taken.accepted().size();
        if (accepted > 0) {
            text.append(accepted).append(accepted == 1 ? " video" : " videos")
                    .append(current == null ? " waiting for a connection" : " queued for " + current.destination());
        }
        if (!taken.refused().isEmpty()) {
            text.append(text.length() == 0 ? "" : "; ").append(taken.refused().size())
                    .append(taken.refused().size() == 1 ? " file refused" : " files refused");
        }
        if (!taken.duplicates().isEmpty()) {
            text.append(text.length() == 0 ? "" : "; ").append(taken.duplicates().size())
                    .append(taken.duplicates().size() == 1 ? " already added" : " already added (same file or content)");
        }
        return text.length() == 0 ? "Nothing to upload there" : text.toString();
    }

    public void cancel(UploadRowViewModel row) {
        UploadService current = service;
        if (row.upload() != null && current != null) {
            background.execute(() -> current.cancel(row.upload()));
        }
    }

    public void retry(UploadRowViewModel row) {
        UploadService current = service;
        if (row.upload() != null && current != null) {
            background.execute(() -> current.retry(row.upload()));
        }
    }

    /** Removes finished, cancelled and refused rows. */
    public void clearFinished() {
        rows.removeIf(row -> row.upload() == null
                || row.upload().state() == UploadState.DONE || row.upload().state() == UploadState.CANCELLED);
        synchronized (rowsByUpload) {
            rowsByUpload.keySet().removeIf(u -> u.state() == UploadState.DONE || u.state() == UploadState.CANCELLED);
        }
        updateSummary();
    }

    /** When the video with this key reached the bucket, if it was uploaded in this session. */
    public Optional<Instant> uploadedAt(String key) {
        synchronized (rowsByUpload) {
            return rowsByUpload.keySet().stream()
                    .filter(u -> u.key().equals(key) && u.finishedAt() != null)
                    .map(Upload::finishedAt)
                    .max(Instant::compareTo);
        }
    }

    private void updateSummary() {
        long uploading = 0;
        long waiting = 0;
        long done = 0;
        long failed = 0;
        long refused = 0;
        for (UploadRowViewModel row : rows) {
            if (row.upload() == null) {
                refused++;
                continue;
            }
            switch (row.upload().state()) {
                case UPLOADING -> uploading++;
                case QUEUED -> waiting++;
                case DONE -> done++;
                case FAILED -> failed++;
                default -> { }
            }
        }
        StringBuilder text = new StringBuilder();
        append(text, uploading, "uploading");
        append(text, waiting, "waiting");
        append(text, done, "uploaded");
        append(text, failed, "failed");
        append(text, refused, "refused");
        summary.set(text.toString());
    }

    private static void append(StringBuilder text, long count, String label) {
        if (count > 0) {
            text.append(text.length() == 0 ? "" : " · ").append(count).append(' ').append(label);
        }
    }

    public ObservableList<UploadRowViewModel> rows() {
        return rows;
    }

    /** What came of the last drop, e.g. "8 videos queued; 1 file refused". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    /** Counts by state, e.g. "2 uploading · 6 uploaded". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }
}
