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
    private final Map<String, Path> files = new ConcurrentHashMap<>();

    public ResultFolderWatch(Path folder, Iterable<String> videoKeys) {
        super(count(videoKeys), Duration.ofMillis(10), "result-folder-watch");
        this.folder = folder;
        videoKeys.forEach(key -> files.put(key, ResultFileNames.resultFile(folder, key)));
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

    private static int count(Iterable<String> keys) {
        java.util.Set<String> distinct = new java.util.HashSet<>();
        keys.forEach(distinct::add);
        return distinct.size();
    }

    Path folder() {
        return folder;
    }
}
