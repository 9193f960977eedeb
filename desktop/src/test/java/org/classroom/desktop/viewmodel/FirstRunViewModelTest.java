package org.classroom.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classroom.desktop.testing.Eventually.waitFor;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.beans.binding.StringExpression;
import org.classroom.common.config.ConfigLoader;
import org.classroom.desktop.DesktopApp;
import org.classroom.desktop.logic.settings.LocalDemo;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.classroom.desktop.logic.upload.UploadJournal;
import org.classroom.desktop.testing.FolderUploader;
import org.classroom.desktop.testing.MemoryRoster;
import org.classroom.desktop.testing.TestBackend;
import org.classroom.desktop.testing.TinyRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start without a window: the status bar while the demo starts, its failure, and the forms offered. */
class FirstRunViewModelTest {

    private static final Duration LIMIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final ExecutorService background = DesktopApp.backgroundPool();
    private TinyRelay relay;
    private MainViewModel model;

    @BeforeEach
    void start() throws Exception {
        relay = new TinyRelay("t");
        SettingsStore settings = new SettingsStore(new ConfigLoader(Map.of(), dir.resolve("config.properties")),
                Map.of("relay.url", relay.url().toString(), "relay.token", "t"));
        // ui = the calling thread: the properties are plain JavaFX beans, no toolkit needed
        model = new MainViewModel(new TestBackend(new FolderUploader(dir.resolve("bucket")), new MemoryRoster(List.of())),
                settings, new UploadJournal(dir.resolve("uploads.json")), Runnable::run, background);
    }

    @AfterEach
    void stop() {
        model.close();
        relay.close();
        background.shutdownNow();
    }

    @Test
    void theStatusBarSaysTheDemoIsStartingUntilTheAppIsConnectedToIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        LocalDemo slowDemo = base -> {
            release.await();
            return base;
        };
        FirstRunViewModel firstRun = model.firstRun(Optional.of(slowDemo));
        StringExpression status = firstRun.statusText();
        assertThat(firstRun.demoAvailable()).isTrue();

        CompletableFuture<Void> started = firstRun.startDemo();
        assertThat(status.get()).isEqualTo(FirstRunViewModel.STARTING_DEMO);

        release.countDown();
        started.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        waitFor("the target", LIMIT, () -> status.get().contains("relay " + relay.url()));
    }

    @Test
    void aDemoThatFailsLeavesTheStatusBarAsItWasAndSaysWhy() throws Exception {
        FirstRunViewModel firstRun = model.firstRun(Optional.of(base -> {
            throw new IllegalStateException("port 4566 is taken");
        }));

        // the window tells the failure from whenComplete, where it arrives wrapped
        String told = firstRun.startDemo().handle((ok, error) -> Failures.message(error)).get(LIMIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(told).isEqualTo("port 4566 is taken");
        assertThat(firstRun.statusText().get()).isEmpty();
    }

    @Test
    void withoutADemoTheFormsPointAtTheUsualLocalEndpointOrAtAnAccount() {
        FirstRunViewModel firstRun = model.firstRun(Optional.empty());

        assertThat(firstRun.demoAvailable()).isFalse();
        SettingsViewModel local = firstRun.runningDemoSettings();
        assertThat(local.localProperty().get()).isTrue();
        assertThat(URI.create(local.endpointProperty().get())).isEqualTo(URI.create(SettingsViewModel.DEFAULT_LOCAL_ENDPOINT));
        assertThat(firstRun.accountForm().localProperty().get()).isFalse();
    }
}
