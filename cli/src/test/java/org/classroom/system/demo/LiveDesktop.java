package org.classroom.system.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.classroom.common.config.ConfigLoader;
import org.classroom.desktop.DesktopApp;
import org.classroom.desktop.gui.FileDialogs;
import org.classroom.desktop.gui.MainWindow;
import org.classroom.desktop.logic.AwsBackend;
import org.classroom.desktop.logic.settings.LayoutStore;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.classroom.desktop.logic.upload.UploadJournal;
import org.classroom.desktop.model.ConnectionState;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.desktop.viewmodel.WindowLayoutViewModel;
import org.classroom.localsystem.DemoSystem;
import org.classroom.localsystem.LocalSystem;

/**
 * The real desktop window (first-run layout, 1200×760) connected to a running local system, for the pictures
 * taken from a real run: the settings point at the system's cloud and relay, the window is shown and the
 * model has connected to the relay when {@link #open} returns. Also the small waits and FX-thread calls the
 * picture programs share. Not a test (the name keeps surefire off it).
 */
final class LiveDesktop implements AutoCloseable {

    private final Stage stage;
    private final MainViewModel model;
    private final ExecutorService background;

    private LiveDesktop(Stage stage, MainViewModel model, ExecutorService background) {
        this.stage = stage;
        this.model = model;
        this.background = background;
    }

    /** Starts the FX toolkit (once per JVM), shows the window and waits for the relay connection. */
    static LiveDesktop open(LocalSystem system, Path work) throws Exception {
        ExecutorService background = DesktopApp.backgroundPool();
        MainViewModel model = null;
        try {
            SettingsStore settings = new SettingsStore(new ConfigLoader(Map.of(), work.resolve("config.properties")),
                    DemoSystem.settingsOf(system.config()));
            model = new MainViewModel(new AwsBackend(), settings, new UploadJournal(work.resolve("uploads.json")),
                    Platform::runLater, background);
            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            MainViewModel shown = model;
            Stage stage = onFx(() -> {
                Stage window = new Stage();
                new MainWindow(window, shown, new WindowLayoutViewModel(LayoutStore.inMemory()),
                        shown.firstRun(Optional.of(base -> system.config())), FileDialogs.system()).show(false);
                return window;
            });
            model.start().get(60, TimeUnit.SECONDS);
            if (!waitFor(Duration.ofSeconds(60),
                    () -> shown.results().connectionProperty().get().state() == ConnectionState.CONNECTED)) {
                throw new IllegalStateException("the desktop did not connect to the relay");
            }
            return new LiveDesktop(stage, model, background);
        } catch (Exception | Error e) {
            if (model != null) {
                model.close();
            }
            background.shutdownNow();
            throw e;
        }
    }

    Stage stage() {
        return stage;
    }

    MainViewModel model() {
        return model;
    }

    @Override
    public void close() {
        model.close();
        background.shutdownNow();
    }

    static boolean waitFor(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    /** Runs the action on the FX thread and waits (up to 30 s) for its answer: call from any other thread. */
    static <T> T onFx(Supplier<T> action) throws Exception {
        CompletableFuture<T> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                done.complete(action.get());
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done.get(30, TimeUnit.SECONDS);
    }

    /** {@link #onFx}, for conditions: a failure or a timeout becomes an unchecked exception. */
    static <T> T onFxQuietly(Supplier<T> action) {
        try {
            return onFx(action);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("the FX thread did not answer: " + e, e);
        }
    }
}
