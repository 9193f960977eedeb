package org.classroom.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.classroom.relay.store.ResultFileNames;

/**
 * Watches the relay's results folder from a background thread and notes when each expected video's
 * result file first appears, and what it holds. Polling a small folder every few milliseconds is exact
 * enough for latencies of a second and needs no file-system events (which differ between systems).
 */
public final class ResultFolderWatch implements ResultWatch {

    private final Path folder;
    private final Map<String, Path> files = new ConcurrentHashMap<>();
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public ResultFolderWatch(Path folder, Iterable<String> videoKeys) {
        this.folder = folder;
        videoKeys.forEach(key -> files.put(key, ResultFileNames.resultFile(folder, key)));
        this.thread = new Thread(this::poll, "result-folder-watch");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public Map<String, Seen> seen() {
        return seen;
    }

    @Override
    public boolean complete() {
        return seen.size() == files.size();
    }

    private void poll() {
        while (running && !complete()) {
            files.forEach((key, file) -> {
                if (!seen.containsKey(key)) {
                    read(file).ifPresent(content -> seen.put(key, new Seen(Instant.now(), content)));
                }
            });
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static java.util.Optional<String> read(Path file) {
        try {
            return java.util.Optional.of(Files.readString(file));
        } catch (NoSuchFileException notYet) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    Path folder() {
        return folder;
    }
}
