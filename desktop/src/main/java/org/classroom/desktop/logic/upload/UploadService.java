package org.classroom.desktop.logic.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs uploads, a few at a time, and journals the unfinished ones. Listeners hear of every change to an
 * upload (from transfer threads: marshal to the UI thread yourself). Nothing is dropped silently: a
 * failure stays in the list with its reason until it is retried or cancelled.
 */
public final class UploadService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);

    private final ObjectUploader uploader;
    private final UploadJournal journal;
    private final int parallel;
    private final Consumer<Upload> listener;

    private final List<Upload> uploads = new ArrayList<>();
    private final Deque<Upload> waiting = new ArrayDeque<>();
    private final Map<String, Path> keys = new HashMap<>();
    private int running;
    private boolean closed;

    public UploadService(ObjectUploader uploader, UploadJournal journal, int parallel, Consumer<Upload> listener) {
        this.uploader = uploader;
        this.journal = journal;
        this.parallel = Math.max(1, parallel);
        this.listener = listener;
    }

    public String destination() {
        return uploader.destination();
    }

    /** Queues a file under its own name as key (made unique if another file already took that name). */
    public Upload submit(Path file) {
        return submit(file, null);
    }

    /** Queues a file under the given key (null: derived from the file name). */
    public Upload submit(Path file, String key) {
        Upload upload;
        synchronized (this) {
            String chosen = key != null ? key : uniqueKey(file);
            keys.put(chosen, file);
            upload = new Upload(file, chosen, sizeOf(file));
            uploads.add(upload);
            waiting.addLast(upload);
            saveJournal();
        }
        listener.accept(upload);
        pump();
        return upload;
    }

    /** Queues again the uploads the journal says were unfinished when the app last stopped. */
    public List<Upload> resumeJournal() {
        List<Upload> resumed = new ArrayList<>();
        for (UploadJournal.Entry entry : journal.read()) {
            if (Files.isRegularFile(entry.file())) {
                resumed.add(submit(entry.file(), entry.key()));
            } else {
                LOG.warn("not resuming the upload of {}: the file is gone", entry.file());
            }
        }
        synchronized (this) {
            saveJournal();
        }
        return resumed;
    }

    public void cancel(Upload upload) {
        ObjectUploader.Transfer transfer;
        synchronized (this) {
            if (!upload.state().pending()) {
                return;
            }
            waiting.remove(upload);
            transfer = upload.cancelled();
            saveJournal();
        }
        if (transfer != null) {
            transfer.cancel();
        }
        listener.accept(upload);
    }

    public void retry(Upload upload) {
        synchronized (this) {
            if (upload.state() != UploadState.FAILED && upload.state() != UploadState.CANCELLED) {
                return;
            }
            upload.queued();
            waiting.addLast(upload);
            saveJournal();
        }
        listener.accept(upload);
        pump();
    }

    public synchronized List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    /** The uploads not yet finished (waiting, running or failed), to carry over to a new service. */
    public synchronized List<Upload> pending() {
        return uploads.stream().filter(u -> u.state().pending()).toList();
    }

    private void pump() {
        while (true) {
            Upload next;
            synchronized (this) {
                if (closed || running >= parallel || waiting.isEmpty()) {
                    return;
                }
                next = waiting.removeFirst();
                running++;
            }
            start(next);
        }
    }

    private void start(Upload upload) {
        ObjectUploader.Transfer transfer;
        if (!upload.starting()) {
            synchronized (this) {
                running--;
            }
            return;
        }
        listener.accept(upload);
        try {
            transfer = uploader.start(upload.file(), upload.key(), bytes -> {
                if (upload.progressed(bytes)) {
                    listener.accept(upload);
                }
            });
        } catch (RuntimeException e) {
            finished(upload, null, e);
            return;
        }
        synchronized (this) {
            if (upload.state() == UploadState.CANCELLED) {
                transfer.cancel();
            } else {
                upload.attach(transfer);
            }
        }
        transfer.done().whenComplete((etag, error) -> finished(upload, etag, error));
    }

    private void finished(Upload upload, String etag, Throwable error) {
        synchronized (this) {
            running--;
            if (upload.state() != UploadState.CANCELLED && error == null) {
                // The journal first: whoever sees the upload done may rely on it being off the journal.
                saveJournalWithout(upload);
                upload.succeeded(etag);
                LOG.info("uploaded {} to {}", upload.key(), uploader.destination());
            } else {
                if (upload.state() != UploadState.CANCELLED) {
                    upload.failed(reason(error));
                    LOG.warn("upload of {} failed: {}", upload.key(), upload.reason());
                }
                saveJournal();
            }
        }
        listener.accept(upload);
        pump();
    }

    static String reason(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CancellationException) {
            return "cancelled";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    private String uniqueKey(Path file) {
        String name = file.getFileName().toString();
        Path owner = keys.get(name);
        if (owner == null || owner.equals(file)) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; ; n++) {
            String candidate = stem + "-" + n + extension;
            Path taken = keys.get(candidate);
            if (taken == null || taken.equals(file)) {
                return candidate;
            }
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private void saveJournal() {
        saveJournalWithout(null);
    }

    /** Writes the pending uploads, leaving out {@code finishing} (which is about to be done), if given. */
    private void saveJournalWithout(Upload finishing) {
        if (closed) {
            return;
        }
        try {
            journal.write(uploads.stream()
                    .filter(u -> u != finishing && u.state().pending())
                    .map(u -> new UploadJournal.Entry(u.file(), u.key()))
                    .toList());
        } catch (RuntimeException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    /**
     * Stops: nothing more starts and the journal is left as it is, so unfinished uploads resume at the
     * next start.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        uploader.close();
    }
}
