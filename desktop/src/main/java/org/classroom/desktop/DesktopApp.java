package org.classroom.desktop;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.classroom.desktop.gui.FileDialogs;
import org.classroom.desktop.gui.MainWindow;
import org.classroom.desktop.logic.AwsBackend;
import org.classroom.desktop.logic.settings.LayoutStore;
import org.classroom.desktop.logic.settings.LocalDemo;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.classroom.desktop.logic.upload.UploadJournal;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.desktop.viewmodel.WindowLayoutViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instructor desktop. Reads the user's settings (with any flags given to {@code classroom desktop}
 * on top), shows the window and connects in the background.
 */
public final class DesktopApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    /** Held so that its level is not lost to garbage collection of the logger. */
    private static final java.util.logging.Logger JAVAFX_STARTUP_LOG =
            java.util.logging.Logger.getLogger("javafx");

    private static volatile Map<String, String> flags = Map.of();
    private static volatile LocalDemo localDemo;

    private ExecutorService background;
    private MainViewModel model;

    /** Runs the app until its window closes. {@code demo} may be null (then the class path is searched). */
    public static void launch(Map<String, String> settingFlags, LocalDemo demo, String... args) {
        // JavaFX warns on every start that it runs from the class path; that is how this app ships (its
        // AWS SDK jars are not modules), so the warning tells a user nothing. Quiet only until start().
        JAVAFX_STARTUP_LOG.setLevel(java.util.logging.Level.SEVERE);
        flags = Map.copyOf(settingFlags);
        localDemo = demo;
        Application.launch(DesktopApp.class, args);
    }

    /** A pool of daemon threads for everything that waits on disk or network. */
    public static ExecutorService backgroundPool() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "desktop-io-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void start(Stage stage) {
        JAVAFX_STARTUP_LOG.setLevel(null);
        background = backgroundPool();
        SettingsStore settings = SettingsStore.forCurrentUser(flags);
        try {
            settings.load();
        } catch (IllegalArgumentException e) {
            Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage(), ButtonType.OK);
            alert.setHeaderText("The settings cannot be read");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        boolean firstRun = settings.firstRun();
        model = new MainViewModel(new AwsBackend(), settings, UploadJournal.forCurrentUser(), Platform::runLater, background);
        Optional<LocalDemo> demo = Optional.ofNullable(localDemo).or(LocalDemo::find);
        MainWindow window = new MainWindow(stage, model, new WindowLayoutViewModel(LayoutStore.preferences()),
                model.firstRun(demo), FileDialogs.system());
        window.show(firstRun);
        if (!firstRun) {
            model.start().whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.warn("cannot connect: {}", error.getMessage());
                }
            });
        }
    }

    @Override
    public void stop() {
        if (model != null) {
            model.close();
        }
        if (background != null) {
            background.shutdownNow();
        }
    }
}
