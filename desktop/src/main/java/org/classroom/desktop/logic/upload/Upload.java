package org.classroom.desktop.logic.upload;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One file on its way to the input bucket. Updated from transfer threads; every getter is safe from
 * any thread. Listeners of {@link UploadService} are told of each change.
 */
public final class Upload {

    private final Path file;
    private final String key;
    private final long size;
    private final SpeedMeter speed = new SpeedMeter();

    private UploadState state = UploadState.QUEUED;
    private long transferred;
    private String reason;
    private String etag;
    private Instant finishedAt;
    private ObjectUploader.Transfer transfer;

    Upload(Path file, String key, long size) {
        this.file = file;
        this.key = key;
        this.size = size;
    }

    public Path file() {
        return file;
    }

    /** The object key in the input bucket. */
    public String key() {
        return key;
    }

    public long size() {
        return size;
    }

    public synchronized UploadState state() {
        return state;
    }

    public synchronized long transferred() {
        return transferred;
    }

    /** 0..1. */
    public synchronized double fraction() {
        if (state == UploadState.DONE) {
            return 1;
        }
        return size <= 0 ? 0 : Math.min(1, (double) transferred / size);
    }

    public double bytesPerSecond() {
        return state() == UploadState.UPLOADING ? speed.bytesPerSecond() : 0;
    }

    /** Why it failed; null unless {@link UploadState#FAILED}. */
    public synchronized String reason() {
        return reason;
    }

    public synchronized String etag() {
        return etag;
    }

    /** When the object was in the bucket; null until then. */
    public synchronized Instant finishedAt() {
        return finishedAt;
    }

    synchronized void queued() {
        state = UploadState.QUEUED;
        transferred = 0;
        reason = null;
        speed.reset();
    }

    /** False when it was cancelled while waiting. */
    synchronized boolean starting() {
        if (state != UploadState.QUEUED) {
            return false;
        }
        state = UploadState.UPLOADING;
        speed.record(System.nanoTime(), 0);
        return true;
    }

    synchronized void attach(ObjectUploader.Transfer newTransfer) {
        transfer = newTransfer;
    }

    synchronized boolean progressed(long bytes) {
        if (state != UploadState.UPLOADING) {
            return false;
        }
        transferred = Math.max(transferred, bytes);
        speed.record(System.nanoTime(), transferred);
        return true;
    }

    synchronized void succeeded(String newEtag) {
        state = UploadState.DONE;
        transferred = size;
        etag = newEtag;
        finishedAt = Instant.now();
        transfer = null;
    }

    synchronized void failed(String why) {
        state = UploadState.FAILED;
        reason = why;
        transfer = null;
    }

    /** Marks it cancelled and returns the running transfer to stop, if any. */
    synchronized ObjectUploader.Transfer cancelled() {
        state = UploadState.CANCELLED;
        ObjectUploader.Transfer running = transfer;
        transfer = null;
        return running;
    }

    @Override
    public String toString() {
        return key + " (" + state() + ")";
    }
}
