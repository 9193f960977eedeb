package org.classroom.desktop.logic.upload;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.classroom.common.files.AtomicFiles;
import org.classroom.common.format.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uploads not yet finished, kept in a small JSON file so that they survive a restart of the app.
 * Written atomically (temp file + rename) on every change.
 */
public final class UploadJournal {

    private static final Logger LOG = LoggerFactory.getLogger(UploadJournal.class);

    /** One pending upload. */
    public record Entry(Path file, String key) {
    }

    private final Path file;

    public UploadJournal(Path file) {
        this.file = file;
    }

    /** {@code $XDG_STATE_HOME/classroom/uploads.json}, else {@code ~/.local/state/classroom/uploads.json}. */
    public static UploadJournal forCurrentUser() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank()
                ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return new UploadJournal(base.resolve("classroom").resolve("uploads.json"));
    }

    public Path file() {
        return file;
    }

    public synchronized List<Entry> read() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Map<String, String>> raw = Json.mapper().readValue(file.toFile(), new TypeReference<>() { });
            return raw.stream()
                    .filter(m -> m.get("file") != null && m.get("key") != null)
                    .map(m -> new Entry(Path.of(m.get("file")), m.get("key")))
                    .toList();
        } catch (IOException e) {
            LOG.warn("ignoring the unreadable upload journal {}: {}", file, e.getMessage());
            return List.of();
        }
    }

    public synchronized void write(List<Entry> entries) {
        List<Map<String, String>> raw = entries.stream()
                .map(e -> Map.of("file", e.file().toString(), "key", e.key()))
                .toList();
        try {
            AtomicFiles.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(raw));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the upload journal " + file + ": " + e.getMessage(), e);
        }
    }
}
