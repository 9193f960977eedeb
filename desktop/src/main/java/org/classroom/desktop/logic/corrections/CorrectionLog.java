package org.classroom.desktop.logic.corrections;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.classroom.common.format.Json;
import org.classroom.desktop.model.CorrectionEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The corrections this desktop made, one JSON line each in a file beside the upload journal, so the log
 * outlives a restart. Blocking I/O: call it off the UI thread.
 */
public final class CorrectionLog {

    private static final Logger LOG = LoggerFactory.getLogger(CorrectionLog.class);

    private final Path file;

    public CorrectionLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized void append(CorrectionEntry entry) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Json.write(entry) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the corrections log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every entry, oldest first; a line that cannot be read (a write cut short) is skipped. */
    public synchronized List<CorrectionEntry> read() {
        List<CorrectionEntry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(Json.mapper().readValue(line, CorrectionEntry.class));
                } catch (JsonProcessingException e) {
                    LOG.warn("skipped a line of {} that cannot be read: {}", file, e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corrections log " + file + ": " + e.getMessage(), e);
        }
        return entries;
    }
}
