package org.classroom.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classroom.desktop.testing.Eventually.waitFor;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.classroom.common.config.ConfigLoader;
import org.classroom.desktop.DesktopApp;
import org.classroom.desktop.logic.settings.LayoutStore;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.classroom.desktop.logic.upload.UploadJournal;
import org.classroom.desktop.testing.FolderUploader;
import org.classroom.desktop.testing.MemoryRoster;
import org.classroom.desktop.testing.TestBackend;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.desktop.viewmodel.SettingsViewModel;
import org.classroom.desktop.viewmodel.WindowLayoutViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** With no settings yet, the window offers the local demo; taking it saves and connects to the local cloud. */
@ExtendWith(ApplicationExtension.class)
class FirstRunTest {

    private Path dir;
    private ExecutorService background;
    private MainViewModel model;
    private SettingsStore settings;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("desktop-first-run");
        background = DesktopApp.backgroundPool();
        settings = new SettingsStore(new ConfigLoader(Map.of(), dir.resolve("classroom/config.properties")), Map.of());
        model = new MainViewModel(new TestBackend(new FolderUploader(dir.resolve("bucket")), new MemoryRoster(List.of())) {
            @Override
            public org.classroom.desktop.logic.results.ResultFeed results(org.classroom.common.config.ClassroomConfig c) {
                return new org.classroom.desktop.logic.results.ResultFeed() {
                    @Override
                    public void start(java.util.function.Consumer<org.classroom.common.model.VideoResult> results,
                                      java.util.function.Consumer<org.classroom.desktop.model.Connection> state) {
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        }, settings, new UploadJournal(dir.resolve("uploads.json")), Platform::runLater, background);
        new MainWindow(stage, model, new WindowLayoutViewModel(LayoutStore.inMemory()), model.firstRun(Optional.empty()),
                FileDialogs.system())
                .show(settings.firstRun());
    }

    /** The dialog's button (its text keeps the mnemonic's underscore). */
    private static Optional<Button> demoButton(FxRobot robot) {
        return robot.listWindows().stream()
                .flatMap(window -> robot.from(window.getScene().getRoot()).lookup(".button").queryAllAs(Button.class).stream())
                .filter(button -> button.getText().replace("_", "").equals("Use the local demo"))
                .findFirst();
    }

    @AfterEach
    void stop() {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        model.close();
        background.shutdownNow();
    }

    @Test
    void theLocalDemoChoiceSavesTheLocalEndpointAndConnects(FxRobot robot) {
        waitFor("the welcome dialog", Duration.ofSeconds(10), () -> demoButton(robot).isPresent());
        assertThat(settings.firstRun()).isTrue();

        robot.clickOn(demoButton(robot).orElseThrow());

        waitFor("the connection", Duration.ofSeconds(10), () -> model.configProperty().get() != null);
        assertThat(model.configProperty().get().endpoint()).isEqualTo(URI.create(SettingsViewModel.DEFAULT_LOCAL_ENDPOINT));
        assertThat(settings.firstRun()).isFalse();
        assertThat(dir.resolve("classroom/config.properties")).content().contains("endpoint=http\\://127.0.0.1\\:4566");
        waitFor("the roster", Duration.ofSeconds(10),
                () -> robot.lookup("#rosterStatus").queryLabeled().getText().equals("0 people in the roster"));
    }
}
