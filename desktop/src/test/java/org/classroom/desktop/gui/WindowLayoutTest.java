package org.classroom.desktop.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import javafx.application.Platform;
import javafx.scene.control.SplitPane;
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
import org.classroom.desktop.viewmodel.WindowLayoutViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window opens at the default size and comes back with the size and divider it was closed with. */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutTest {

    private final LayoutStore layout = LayoutStore.inMemory();
    private Path dir;
    private ExecutorService background;
    private Stage first;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("desktop-layout-test");
        background = DesktopApp.backgroundPool();
        first = stage;
        window(stage).show(false);
    }

    private MainWindow window(Stage stage) {
        SettingsStore settings = new SettingsStore(new ConfigLoader(Map.of(), dir.resolve("config.properties")), Map.of());
        MainViewModel model = new MainViewModel(new TestBackend(new FolderUploader(dir.resolve("bucket")),
                new MemoryRoster(List.of())), settings, new UploadJournal(dir.resolve("uploads.json")),
                Platform::runLater, background);
        return new MainWindow(stage, model, new WindowLayoutViewModel(layout), model.firstRun(Optional.empty()),
                FileDialogs.system());
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void remembersSizeAndDividerBetweenRuns(FxRobot robot) {
        assertThat(first.getScene().getWidth()).isEqualTo(WindowLayoutViewModel.DEFAULT_WIDTH);
        assertThat(first.getScene().getHeight()).isEqualTo(WindowLayoutViewModel.DEFAULT_HEIGHT);

        robot.interact(() -> {
            first.setWidth(1000);
            first.setHeight(640);
        });
        robot.interact(() -> ((SplitPane) first.getScene().lookup("#videosSplit")).setDividerPositions(0.5));
        robot.interact(first::close);
        assertThat(layout.get("divider.videos", -1)).isEqualTo(0.5, org.assertj.core.data.Offset.offset(0.01));

        Stage[] again = new Stage[1];
        robot.interact(() -> {
            again[0] = new Stage();
            window(again[0]).show(false);
        });

        assertThat(again[0].getScene().getWidth()).isEqualTo(first.getScene().getWidth());
        assertThat(again[0].getScene().getHeight()).isEqualTo(first.getScene().getHeight());
        assertThat(((SplitPane) again[0].getScene().lookup("#videosSplit")).getDividerPositions()[0])
                .isEqualTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(again[0].getScene().getWidth()).isLessThan(WindowLayoutViewModel.DEFAULT_WIDTH);
        robot.interact(again[0]::close);
    }
}
