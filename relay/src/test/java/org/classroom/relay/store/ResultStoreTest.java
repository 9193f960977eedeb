package org.classroom.relay.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classroom.relay.TestResults.recognised;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultStoreTest {

    @TempDir
    Path root;

    @Test
    void writesTheSeedFormatFileAndLeavesNoTemporaryFiles() throws IOException {
        Path folder = root.resolve("results");
        try (ResultStore store = ResultStore.open(folder)) {
            store.save(recognised("test_0.mp4", "president_trump", "physics", "junior"));
        }
        assertThat(folder.resolve("test_0.txt")).hasContent("president_trump,physics,junior");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("test_0.txt", ResultStore.LOG_FILE);
        }
    }

    @Test
    void aNewerResultReplacesTheFileWhole() throws IOException {
        try (ResultStore store = ResultStore.open(root)) {
            store.save(recognised("a.mp4", "someone_with_a_long_name", "computer_science", "sophomore"));
            store.save(recognised("a.mp4", "bo", "math", "senior"));
            assertThat(root.resolve("a.txt")).hasContent("bo,math,senior");
            assertThat(store.latest()).hasSize(1);
            assertThat(store.since(0)).hasSize(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../x.mp4", "/etc/passwd", "..\\..\\x.mp4", "..", ".", "", "a/../../b.mp4",
            ".hidden.mp4", "x\u0000y.mp4", "uploads/../../../etc/cron.d/evil"})
    void aKeyNeverWritesOutsideTheFolder(String key) throws IOException {
        Path folder = root.resolve("inner/results");
        try (ResultStore store = ResultStore.open(folder)) {
            store.save(VideoResult.failure(key, ResultStatus.INVALID_VIDEO, "not a video", null));
        }
        try (Stream<Path> all = Files.walk(root)) {
            List<Path> files = all.filter(Files::isRegularFile).toList();
            assertThat(files).allSatisfy(file -> assertThat(file.getParent()).isEqualTo(folder.toAbsolutePath()));
            assertThat(files).hasSize(2);
            assertThat(files).noneMatch(file -> file.getFileName().toString().startsWith(".")
                    && !file.getFileName().toString().equals(ResultStore.LOG_FILE));
        }
    }

    @Test
    void distinctKeysGetDistinctFilesAndTheCourseNamesStayPlain() throws IOException {
        List<String> keys = List.of("a.mp4", "a.MOV", "x/a.mp4", "a b.mp4", "a_b.mp4");
        try (ResultStore store = ResultStore.open(root)) {
            for (String key : keys) {
                store.save(recognised(key, "student_for_" + keys.indexOf(key), "math", "senior"));
            }
        }
        for (String key : keys) {
            assertThat(ResultFileNames.resultFile(root, key)).as(key)
                    .hasContent("student_for_" + keys.indexOf(key) + ",math,senior");
        }
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.filter(f -> f.toString().endsWith(".txt"))).hasSize(5);
        }
        assertThat(ResultFileNames.fileName("test_0.mp4")).isEqualTo("test_0.txt");
        assertThat(ResultFileNames.fileName("a_b.mp4")).isEqualTo("a_b.txt");
        // Stable: the same key names the same file in every run (the rule is a pure function of the key).
        assertThat(ResultFileNames.fileName("a b.mp4")).isEqualTo("a_b~" + "018c1c8ba1b36aa3" + ".txt");
    }

    @Test
    void theDotDotKeyLandsInsideWithAReadableName() {
        assertThat(ResultFileNames.resultFile(root, "../../x.mp4").getParent()).isEqualTo(root.toAbsolutePath());
        assertThat(ResultFileNames.fileName("../../x.mp4")).startsWith("x~").endsWith(".txt");
        assertThat(ResultFileNames.fileName("weird name;rm -rf.mp4")).startsWith("weird_name_rm_-rf~");
    }

    @Test
    void rebuildsItsStateFromTheLog() throws IOException {
        try (ResultStore store = ResultStore.open(root)) {
            store.save(recognised("test_0.mp4", "president_trump", "physics", "junior"));
            store.save(recognised("test_1.mp4", "president_biden", "history", "sophomore"));
            store.save(VideoResult.failure("bad.mp4", ResultStatus.ERROR, "gave up after 3 attempts", null));
        }
        try (ResultStore reopened = ResultStore.open(root)) {
            assertThat(reopened.lastSeq()).isEqualTo(3);
            assertThat(reopened.latest()).extracting(e -> e.result().video())
                    .containsExactly("test_0.mp4", "test_1.mp4", "bad.mp4");
            assertThat(reopened.latest().get(2).result().reason()).isEqualTo("gave up after 3 attempts");
            assertThat(reopened.since(1)).extracting(StoredResult::seq).containsExactly(2L, 3L);
            ResultStore.Saved next = reopened.save(recognised("test_2.mp4", "mr_bean", "lawyer", "freshmen"));
            assertThat(next.entry().seq()).isEqualTo(4);
        }
    }

    @Test
    void aDuplicateRewritesTheSameFileAndIsOneEntry() throws IOException {
        try (ResultStore store = ResultStore.open(root)) {
            VideoResult first = recognised("test_0.mp4", "president_trump", "physics", "junior");
            assertThat(store.save(first).added()).isTrue();
            // The function ran again on a redelivered message: another time, same outcome.
            VideoResult again = new VideoResult(first.video(), first.status(), first.people(), 1, 0, null,
                    first.etag(), Map.of("total", 99.0), Instant.now().plusSeconds(5));
            Files.delete(root.resolve("test_0.txt"));
            ResultStore.Saved saved = store.save(again);
            assertThat(saved.added()).isFalse();
            assertThat(saved.entry().seq()).isEqualTo(1);
            assertThat(root.resolve("test_0.txt")).hasContent("president_trump,physics,junior");
        }
        assertThat(Files.readAllLines(root.resolve(ResultStore.LOG_FILE))).hasSize(1);
    }

    @Test
    void anOlderUploadsResultArrivingLateIsLoggedButTheNewerOneIsKept() throws IOException {
        VideoResult newer = recognised("a.mp4", "bo", "math", "senior").withSequencer("0055AED6DCD90281F0");
        VideoResult older = recognised("a.mp4", "ann", "physics", "junior").withVideo("a.mp4", "etag-old")
                .withSequencer("0055AED6DCD90281E5");
        try (ResultStore store = ResultStore.open(root)) {
            assertThat(store.save(newer).kind()).isEqualTo(ResultStore.Saved.Kind.ADDED);
            ResultStore.Saved late = store.save(older);
            assertThat(late.kind()).isEqualTo(ResultStore.Saved.Kind.SUPERSEDED);
            assertThat(late.entry().result()).isEqualTo(newer);
            assertThat(root.resolve("a.txt")).hasContent("bo,math,senior");
            assertThat(store.latestFor("a.mp4").orElseThrow().result()).isEqualTo(newer);
            assertThat(store.since(0)).extracting(StoredResult::result).containsExactly(newer);
        }
        assertThat(Files.readAllLines(root.resolve(ResultStore.LOG_FILE))).hasSize(2);
        try (ResultStore reopened = ResultStore.open(root)) {
            assertThat(reopened.latestFor("a.mp4").orElseThrow().result()).isEqualTo(newer);
            assertThat(reopened.since(0)).extracting(StoredResult::result).containsExactly(newer);
            assertThat(reopened.lastSeq()).isEqualTo(2);
        }
    }

    @Test
    void aLateDeadLetterForAnOlderUploadDoesNotReplaceTheNewerResult() throws IOException {
        VideoResult newer = recognised("a.mp4", "bo", "math", "senior").withSequencer("0062E99A88DC407461");
        VideoResult gaveUp = VideoResult.failure("a.mp4", ResultStatus.ERROR, "gave up after 3 attempts", "etag-old")
                .withSequencer("0062E99A88DC407460");
        try (ResultStore store = ResultStore.open(root)) {
            store.save(newer);
            assertThat(store.save(gaveUp).added()).isFalse();
            assertThat(root.resolve("a.txt")).hasContent("bo,math,senior");
            assertThat(store.latest()).extracting(StoredResult::result).containsExactly(newer);
        }
    }

    @Test
    void aNewerUploadReplacesTheResultWhateverItsSequencersLength() throws IOException {
        VideoResult first = recognised("a.mp4", "ann", "physics", "junior").withSequencer("0062E99A88DC407460");
        VideoResult second = recognised("a.mp4", "bo", "math", "senior").withSequencer("0062E99A88DC40746001");
        try (ResultStore store = ResultStore.open(root)) {
            store.save(first);
            assertThat(store.save(second).added()).isTrue();
            assertThat(root.resolve("a.txt")).hasContent("bo,math,senior");
        }
    }

    @Test
    void theSameUploadRedeliveredIsOneEntry() throws IOException {
        VideoResult result = recognised("a.mp4", "bo", "math", "senior").withSequencer("0062E99A88DC407460");
        try (ResultStore store = ResultStore.open(root)) {
            store.save(result);
            ResultStore.Saved again = store.save(result.withTimings(Map.of("total", 80.0)));
            assertThat(again.kind()).isEqualTo(ResultStore.Saved.Kind.DUPLICATE);
            assertThat(again.entry().seq()).isEqualTo(1);
        }
        assertThat(Files.readAllLines(root.resolve(ResultStore.LOG_FILE))).hasSize(1);
    }

    @Test
    void aResultWithoutOrderNeverDisplacesAnOrderedOneButAnOrderedOneDisplacesIt() throws IOException {
        VideoResult ordered = recognised("a.mp4", "bo", "math", "senior").withSequencer("0062E99A88DC407460");
        VideoResult unordered = recognised("a.mp4", "ann", "physics", "junior").withVideo("a.mp4", "etag-other");
        VideoResult later = recognised("b.mp4", "cy", "art", "senior").withSequencer("01");
        try (ResultStore store = ResultStore.open(root)) {
            store.save(ordered);
            assertThat(store.save(unordered).kind()).isEqualTo(ResultStore.Saved.Kind.SUPERSEDED);
            assertThat(root.resolve("a.txt")).hasContent("bo,math,senior");

            // A results folder from before the sequencer was carried: its entries give way to ordered ones.
            store.save(recognised("b.mp4", "di", "art", "senior"));
            assertThat(store.save(later).added()).isTrue();
            assertThat(root.resolve("b.txt")).hasContent("cy,art,senior");
        }
    }

    @Test
    void aTempFileLeftByACrashIsRemovedOnOpen() throws IOException {
        Files.createDirectories(root);
        Path leftover = Files.createFile(root.resolve(".tmp-123.part"));
        try (ResultStore store = ResultStore.open(root)) {
            assertThat(leftover).doesNotExist();
        }
    }

    @Test
    void aLineCutShortByACrashIsDroppedAndTheLogGoesOn() throws IOException {
        try (ResultStore store = ResultStore.open(root)) {
            store.save(recognised("test_0.mp4", "president_trump", "physics", "junior"));
        }
        Files.writeString(root.resolve(ResultStore.LOG_FILE), "{\"seq\":2,\"result\":{\"vid",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (ResultStore store = ResultStore.open(root)) {
            assertThat(store.lastSeq()).isEqualTo(1);
            store.save(recognised("test_1.mp4", "president_biden", "history", "sophomore"));
        }
        try (ResultStore store = ResultStore.open(root)) {
            assertThat(store.latest()).extracting(e -> e.result().video()).containsExactly("test_0.mp4", "test_1.mp4");
        }
        assertThat(Files.readAllLines(root.resolve(ResultStore.LOG_FILE))).hasSize(2);
    }

    @Test
    void aLogTailCutInsideAUtf8CharacterIsSetAsideAndTheStoreStarts() throws IOException {
        try (ResultStore store = ResultStore.open(root)) {
            store.save(recognised("test_0.mp4", "José_Núñez", "physics", "junior"));
        }
        Path log = root.resolve(ResultStore.LOG_FILE);
        // A crash while the second entry was being written: it stops after the first byte of 'é' (0xC3 0xA9).
        byte[] line = "{\"seq\":2,\"result\":{\"video\":\"Andr\u00e9.mp4\"".getBytes(StandardCharsets.UTF_8);
        int cut = indexOf(line, (byte) 0xC3) + 1;
        Files.write(log, java.util.Arrays.copyOf(line, cut), StandardOpenOption.APPEND);

        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(TornTail.class);
        logs.start();
        logger.addAppender(logs);
        try (ResultStore store = ResultStore.open(root)) {
            assertThat(store.lastSeq()).isEqualTo(1);
            assertThat(store.latest().get(0).result().people().get(0).name()).isEqualTo("José_Núñez");
            store.save(recognised("test_1.mp4", "president_biden", "history", "sophomore"));
        } finally {
            logger.detachAppender(logs);
        }
        assertThat(Files.readAllLines(log, StandardCharsets.UTF_8)).hasSize(2);
        try (Stream<Path> files = Files.list(root)) {
            Path copy = files.filter(f -> f.getFileName().toString().startsWith(ResultStore.LOG_FILE + ".torn-"))
                    .findFirst().orElseThrow();
            assertThat(Files.readAllBytes(copy)).isEqualTo(java.util.Arrays.copyOf(line, cut));
            assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains(copy.getFileName().toString()));
        }
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void theFolderIsSyncedAfterEachRenameSoTheNewFileSurvivesAPowerCut() throws IOException {
        List<String> syncedWith = new java.util.ArrayList<>();
        // What the folder held at each sync: the renamed file must already be there.
        FolderSync recording = folder -> {
            try (Stream<Path> files = Files.list(folder)) {
                syncedWith.add(files.map(f -> f.getFileName().toString()).sorted().toList().toString());
            }
            FolderSync.FSYNC.sync(folder);
        };
        try (ResultStore store = ResultStore.open(root, recording)) {
            syncedWith.clear();
            store.save(recognised("test_0.mp4", "president_trump", "physics", "junior"));
        }
        assertThat(syncedWith).containsExactly("[results.jsonl, test_0.txt]");
        assertThat(root.resolve("test_0.txt")).hasContent("president_trump,physics,junior");
    }

    @Test
    void replayKeepsABoundedWindowAndAnOlderIdGetsTheLatestResultOfEachVideo() throws IOException {
        try (ResultStore store = ResultStore.open(root, 3)) {
            store.save(recognised("a.mp4", "ann", "math", "senior"));      // 1, superseded by 4
            store.save(recognised("b.mp4", "bob", "math", "senior"));      // 2, only before the window
            store.save(recognised("c.mp4", "cy", "math", "senior"));       // 3
            store.save(recognised("a.mp4", "ann_again", "math", "senior")); // 4
            store.save(recognised("d.mp4", "di", "math", "senior"));       // 5
            assertThat(store.since(3)).extracting(StoredResult::seq).containsExactly(4L, 5L);
            assertThat(store.since(2)).extracting(StoredResult::seq).containsExactly(3L, 4L, 5L);
            // Entries 1 and 2 left memory: an id before the window gets every video's latest result instead.
            assertThat(store.since(0)).extracting(StoredResult::seq).containsExactly(2L, 3L, 4L, 5L);
            assertThat(store.since(1)).extracting(StoredResult::seq).containsExactly(2L, 3L, 4L, 5L);
        }
        try (ResultStore reopened = ResultStore.open(root, 3)) {
            assertThat(reopened.since(0)).extracting(StoredResult::seq).containsExactly(2L, 3L, 4L, 5L);
            assertThat(reopened.latest()).hasSize(4);
        }
    }

    @Test
    void anIdBeyondTheNumberingIsStaleAndReplaysFromTheStart() throws IOException {
        try (ResultStore store = ResultStore.open(root)) {
            store.save(recognised("a.mp4", "ann", "math", "senior"));
            store.save(recognised("b.mp4", "bob", "math", "senior"));
            // A desktop that saw id 57 before the relay's folder was reset.
            assertThat(store.since(57)).extracting(StoredResult::seq).containsExactly(1L, 2L);
            assertThat(store.since(2)).isEmpty();
        }
    }
}
