package org.classroom.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.classroom.relay.store.ResultFileNames;

/**
 * Watches the relay's results folder and notes when each expected video's result file first appears,
 * and what it holds. Polling a small folder every few milliseconds is exact enough for latencies of a
 * second and needs no file-system events (which differ between systems).
 */
public final class ResultFolderWatch extends PollingWatch {

    private final Path folder;
    private final Map<String, Path> files;

    public ResultFolderWatch(Path folder, Iterable<String> videoKeys) {
        this(folder, filesOf(folder, videoKeys));
    }

    private ResultFolderWatch(Path folder, Map<String, Path> files) {
        super(files.size(), Duration.ofMillis(10), "result-folder-watch");
        this.folder = folder;
        this.files = files;
        start();
    }

    @Override
    void lookOnce(Map<String, Seen> found) {
        files.forEach((key, file) -> {
            if (!found.containsKey(key)) {
                read(file).ifPresent(content -> found.put(key, new Seen(Instant.now(), content)));
            }
        });
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException notYet) {
            return Optional.empty();
        }
    }

    private static Map<String, Path> filesOf(Path folder, Iterable<String> videoKeys) {
        Map<String, Path> files = new ConcurrentHashMap<>();
        videoKeys.forEach(key -> files.put(key, ResultFileNames.resultFile(folder, key)));
        return files;
    }

    Path folder() {
        return folder;
    }
}
