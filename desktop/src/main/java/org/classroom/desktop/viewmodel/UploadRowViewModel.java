package org.classroom.desktop.viewmodel;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.classroom.desktop.logic.files.Refusal;
import org.classroom.desktop.logic.upload.Upload;
import org.classroom.desktop.logic.upload.UploadState;

/** One line of the uploads list: an upload on its way, or a file refused before any upload. */
public final class UploadRowViewModel {

    private final Upload upload;
    private final StringProperty name = new SimpleStringProperty();
    private final StringProperty state = new SimpleStringProperty();
    private final StringProperty detail = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final BooleanProperty cancellable = new SimpleBooleanProperty();
    private final BooleanProperty retryable = new SimpleBooleanProperty();
    private final BooleanProperty refused = new SimpleBooleanProperty();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();

    UploadRowViewModel(Upload upload) {
        this.upload = upload;
        name.set(upload.key());
        refresh();
    }

    private UploadRowViewModel(Refusal refusal) {
        this.upload = null;
        name.set(String.valueOf(refusal.file().getFileName()));
        state.set("refused");
        reason.set(refusal.reason());
        detail.set(refusal.reason());
        refused.set(true);
    }

    static UploadRowViewModel refused(Refusal refusal) {
        return new UploadRowViewModel(refusal);
    }

    /** The upload behind the row; null for a refused file. */
    public Upload upload() {
        return upload;
    }

    /** Called from transfer threads: true when a refresh should be queued on the UI thread. */
    boolean claimRefresh() {
        return refreshQueued.compareAndSet(false, true);
    }

    /** Copies the upload's state into the properties. UI thread only. */
    void refresh() {
        refreshQueued.set(false);
        if (upload == null) {
            return;
        }
        UploadState current = upload.state();
        state.set(current.label());
        progress.set(current == UploadState.QUEUED ? 0 : upload.fraction());
        reason.set(upload.reason());
        cancellable.set(current == UploadState.QUEUED || current == UploadState.UPLOADING);
        retryable.set(current == UploadState.FAILED || current == UploadState.CANCELLED);
        detail.set(switch (current) {
            case QUEUED -> "waiting · " + bytes(upload.size());
            case UPLOADING -> bytes(upload.transferred()) + " of " + bytes(upload.size()) + " · "
                    + bytes((long) upload.bytesPerSecond()) + "/s";
            case DONE -> bytes(upload.size()) + " · uploaded";
            case FAILED -> "failed: " + upload.reason();
            case CANCELLED -> "cancelled";
        });
    }

    static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        if (count < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", count / 1024.0);
        }
        if (count < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", count / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GB", count / (1024.0 * 1024 * 1024));
    }

    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    /** waiting, uploading, uploaded, failed, cancelled or refused. */
    public ReadOnlyStringProperty stateProperty() {
        return state;
    }

    /** Size, bytes sent and speed, or the reason. */
    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    public ReadOnlyStringProperty reasonProperty() {
        return reason;
    }

    /** 0..1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable;
    }

    public ReadOnlyBooleanProperty retryableProperty() {
        return retryable;
    }

    public ReadOnlyBooleanProperty refusedProperty() {
        return refused;
    }
}
