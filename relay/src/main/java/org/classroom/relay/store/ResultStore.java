package org.classroom.relay.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.classroom.common.format.Json;
import org.classroom.common.format.SeedCsv;
import org.classroom.common.model.VideoResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's results folder: one seed-format file per video ({@code <stem>.txt}, replaced
 * atomically) and {@code results.jsonl}, the log of every result from which the state is rebuilt
 * after a restart. Each video keeps the result of its latest upload ({@link UploadOrder}): a result of an
 * older upload that arrives late is logged but leaves the file and the video's entry alone. A result equal
 * to the one already kept for its video (a redelivered message) rewrites the same file and adds no entry.
 */
public final class ResultStore implements AutoCloseable {

    public static final String LOG_FILE = "results.jsonl";

    /** Entries kept in memory for replay unless told otherwise. */
    public static final int DEFAULT_REPLAY_WINDOW = 10_000;

    private static final String TEMP_PREFIX = ".tmp-";
    private static final String TEMP_SUFFIX = ".part";

    private static final Logger LOG = LoggerFactory.getLogger(ResultStore.class);

    private final Path folder;
    private final FileChannel log;
    private final FolderSync folderSync;
    private final ReplayWindow window;
    private final Map<String, StoredResult> latest = new LinkedHashMap<>();
    private long lastSeq;

    private ResultStore(Path folder, FileChannel log, FolderSync folderSync, int replayWindow) {
        this.folder = folder;
        this.log = log;
        this.folderSync = folderSync;
        this.window = new ReplayWindow(replayWindow);
    }

    /** Opens (creating if needed) a results folder and rebuilds its state from the log. */
    public static ResultStore open(Path folder) throws IOException {
        return open(folder, DEFAULT_REPLAY_WINDOW);
    }

    /** @param replayWindow how many of the newest entries are kept in memory for replay */
    public static ResultStore open(Path folder, int replayWindow) throws IOException {
        return open(folder, replayWindow, FolderSync.FSYNC);
    }

    static ResultStore open(Path folder, FolderSync folderSync) throws IOException {
        return open(folder, DEFAULT_REPLAY_WINDOW, folderSync);
    }

    static ResultStore open(Path folder, int replayWindow, FolderSync folderSync) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        Files.createDirectories(root);
        removeLeftoverTempFiles(root);
        Path logFile = root.resolve(LOG_FILE);
        List<StoredResult> previous = readLog(logFile, TornTail.repair(logFile));
        FileChannel channel = FileChannel.open(logFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.position(channel.size());
        folderSync.sync(root);  // a log file just created, or a torn tail's copy
        ResultStore store = new ResultStore(root, channel, folderSync, replayWindow);
        previous.forEach(store::remember);
        if (!previous.isEmpty()) {
            LOG.info("Results folder {}: {} results for {} videos from the log", root, previous.size(),
                    store.latest.size());
        }
        return store;
    }

    public Path folder() {
        return folder;
    }

    /**
     * Writes a result's file and logs it. A result that repeats what is already kept for the video
     * adds no entry (its file is rewritten all the same, so a crash between the two steps heals on
     * redelivery). A result of an older upload than the kept one's is only logged.
     */
    public synchronized Saved save(VideoResult result) throws IOException {
        StoredResult known = latest.get(result.video());
        boolean stands = known == null || UploadOrder.mayReplace(result, known.result());
        if (stands) {
            writeAtomically(ResultFileNames.resultFile(folder, result.video()), SeedCsv.format(result));
            if (known != null && sameOutcome(known.result(), result)) {
                LOG.debug("{}: duplicate result, kept entry {}", result.video(), known.seq());
                return new Saved(known, Saved.Kind.DUPLICATE);
            }
        }
        StoredResult entry = new StoredResult(lastSeq + 1, result);
        append(entry);
        if (!remember(entry)) {
            LOG.info("{}: result {} is of an older upload (sequencer {}) than entry {} (sequencer {}); logged, not kept",
                    result.video(), entry.seq(), result.sequencer(), known.seq(), known.result().sequencer());
            return new Saved(known, Saved.Kind.SUPERSEDED);
        }
        return new Saved(entry, Saved.Kind.ADDED);
    }

    /** What {@link #save} did: the entry that now stands for the video, and how the saved result came to it. */
    public record Saved(StoredResult entry, Kind kind) {

        public enum Kind {
            /** The result is new and stands for its video. */
            ADDED,
            /** The result repeats the one kept: no entry added. */
            DUPLICATE,
            /** The result is of an older upload than the one kept: logged only, the kept entry stands. */
            SUPERSEDED
        }

        /** Whether the result is news for subscribers. */
        public boolean added() {
            return kind == Kind.ADDED;
        }
    }

    /** The result file of a video key (whether or not it exists yet). */
    public Path fileOf(String videoKey) {
        return ResultFileNames.resultFile(folder, videoKey);
    }

    /** The latest result of each video, in the order the videos first finished. */
    public synchronized List<StoredResult> latest() {
        return latest.values().stream().sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList();
    }

    /** The latest result kept for a video, if any. */
    public synchronized java.util.Optional<StoredResult> latestFor(String video) {
        return java.util.Optional.ofNullable(latest.get(video));
    }

    /**
     * What a subscriber that last saw {@code lastEventId} missed, oldest first: every entry after it
     * while those are still in the replay window. Entries older than the window have left memory, so
     * for them it gets each video's latest result instead (older results of a video were superseded
     * anyway). An id above the relay's numbering comes from before a reset of its state: it gets
     * everything, as a new subscriber does.
     */
    public synchronized List<StoredResult> since(long lastEventId) {
        long after = lastEventId > lastSeq ? 0 : lastEventId;
        long firstHeld = window.firstSeq(lastSeq + 1);
        List<StoredResult> replay = new ArrayList<>();
        if (after < firstHeld - 1) {
            latest.values().stream()
                    .filter(entry -> entry.seq() > after && entry.seq() < firstHeld)
                    .sorted(Comparator.comparingLong(StoredResult::seq))
                    .forEach(replay::add);
        }
        replay.addAll(window.after(after));
        return replay;
    }

    public synchronized long lastSeq() {
        return lastSeq;
    }

    @Override
    public synchronized void close() throws IOException {
        log.close();
    }

    /** Two results are the same outcome when they would tell the user the same thing. */
    static boolean sameOutcome(VideoResult a, VideoResult b) {
        return a.status() == b.status()
                && SeedCsv.format(a).equals(SeedCsv.format(b))
                && Objects.equals(a.etag(), b.etag())
                && Objects.equals(a.reason(), b.reason())
                && Objects.equals(a.sequencer(), b.sequencer());
    }

    /**
     * Takes a logged entry into the state, the same way when saving and when rebuilding from the log; false
     * when a later upload's entry stands for the video (the entry then only advances the numbering).
     */
    private boolean remember(StoredResult entry) {
        lastSeq = Math.max(lastSeq, entry.seq());
        String video = entry.result().video();
        StoredResult known = latest.get(video);
        if (known != null && !UploadOrder.mayReplace(entry.result(), known.result())) {
            return false;
        }
        window.add(entry);
        latest.remove(video);
        latest.put(video, entry);
        return true;
    }

    private void append(StoredResult entry) throws IOException {
        byte[] line = (Json.write(new LogLine(entry.seq(), entry.result())) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            log.write(buffer);
        }
        log.force(false);
    }

    private void writeAtomically(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), TEMP_PREFIX, TEMP_SUFFIX);
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(false);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        // Before the queue message is deleted, the rename itself must be on disk.
        folderSync.sync(file.getParent());
    }

    /** A crash between writing a temp file and renaming it leaves the temp file behind. */
    private static void removeLeftoverTempFiles(Path root) throws IOException {
        try (var files = Files.newDirectoryStream(root, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Parses the log's complete lines; a line that is not an entry (damaged on disk) is skipped. */
    private static List<StoredResult> readLog(Path logFile, byte[] completeLines) {
        List<StoredResult> read = new ArrayList<>();
        // Decoding replaces malformed bytes rather than failing, so one damaged line cannot stop a start.
        List<String> lines = new String(completeLines, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                LogLine parsed = Json.mapper().readValue(line, LogLine.class);
                read.add(new StoredResult(parsed.seq(), parsed.result()));
            } catch (JsonProcessingException e) {
                // Its message was not deleted unless the line was synced whole, so a lost result comes again.
                LOG.warn("{} line {} is unreadable and is skipped: {}", logFile, i + 1, e.getOriginalMessage());
            }
        }
        return read;
    }

    /** One line of {@code results.jsonl}. */
    record LogLine(long seq, VideoResult result) {
    }
}
