package org.classroom.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classroom.desktop.testing.Eventually.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.Setting;
import org.classroom.desktop.DesktopApp;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.classroom.desktop.logic.upload.UploadJournal;
import org.classroom.desktop.testing.FolderUploader;
import org.classroom.desktop.testing.MemoryRoster;
import org.classroom.desktop.testing.SampleFiles;
import org.classroom.desktop.testing.TestBackend;
import org.classroom.desktop.testing.TinyRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's state without a window: files dropped before a connection, and uploads carried over a settings change. */
class MainViewModelTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final ExecutorService background = DesktopApp.backgroundPool();
    private TinyRelay relay;
    private FolderUploader bucket;
    private MainViewModel model;
    private SettingsStore settings;

    @BeforeEach
    void start() throws Exception {
        relay = new TinyRelay("t");
        bucket = new FolderUploader(dir.resolve("bucket"));
        settings = new SettingsStore(new ConfigLoader(Map.of(), dir.resolve("config.properties")),
                Map.of("relay.url", relay.url().toString(), "relay.token", "t"));
        // ui = the calling thread: the properties are plain JavaFX beans, no toolkit needed
        model = new MainViewModel(new TestBackend(bucket, new MemoryRoster(List.of())), settings,
                new UploadJournal(dir.resolve("uploads.json")), Runnable::run, background);
    }

    @AfterEach
    void stop() {
        model.close();
        relay.close();
        background.shutdownNow();
    }

    @Test
    void filesDroppedBeforeTheConnectionAreUploadedOnceItIsThere() throws Exception {
        Path clip = SampleFiles.mp4(dir.resolve("clips"), "early.mp4", 50);

        model.uploads().add(List.of(clip));
        waitFor("the intake", LIMIT, () -> model.uploads().noticeProperty().get().contains("waiting for a connection"));
        model.start().get();

        waitFor("the upload", LIMIT, () -> Files.exists(bucket.folder().resolve("early.mp4")));
    }

    @Test
    void unfinishedUploadsAreCarriedOverWhenTheSettingsChange() throws Exception {
        model.start().get();
        bucket.hold = new CountDownLatch(1);
        Path clip = SampleFiles.mp4(dir.resolve("clips"), "stuck.mp4", 200);
        model.uploads().add(List.of(clip));
        waitFor("the stuck upload", LIMIT, () -> model.uploads().rows().size() == 1
                && "uploading".equals(model.uploads().rows().get(0).stateProperty().get()));

        bucket.hold = new CountDownLatch(0);
        Map<Setting, String> values = new java.util.EnumMap<>(settings.values());
        values.put(Setting.INPUT_BUCKET, "another-bucket");
        model.applySettings(values).get();

        waitFor("the carried upload", LIMIT, () -> model.uploads().rows().size() == 1
                && "uploaded".equals(model.uploads().rows().get(0).stateProperty().get()));
        assertThat(Files.mismatch(clip, bucket.folder().resolve("stuck.mp4"))).isEqualTo(-1);
        assertThat(model.configProperty().get().inputBucket()).isEqualTo("another-bucket");
        assertThat(new UploadJournal(dir.resolve("uploads.json")).read()).isEmpty();
    }
}
