package org.classroom.system.desktop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.SampleData;
import org.classroom.desktop.DesktopApp;
import org.classroom.desktop.gui.MainWindow;
import org.classroom.desktop.logic.AwsBackend;
import org.classroom.desktop.logic.settings.LayoutStore;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.classroom.desktop.logic.upload.UploadJournal;
import org.classroom.desktop.testing.ScriptedDialogs;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.desktop.viewmodel.WindowLayoutViewModel;
import org.classroom.localcloud.iam.StackTemplate;
import org.classroom.localsystem.DemoSystem;
import org.classroom.localsystem.LocalSystem;
import org.classroom.localsystem.LocalSystemOptions;

/**
 * The desktop's main window on a real local system with the course clips (function, relay, stand-ins), for the
 * desktop system tests: settings pointing at that system, the window shown on the test's stage, the model
 * started. One per test; {@link #close} stops the model, its pool and the system.
 */
final class RealDesktop implements AutoCloseable {

    private final Path samples;
    private final Path work;
    private final LocalSystem system;
    private final MainViewModel model;
    private final ExecutorService background;

    private RealDesktop(Path samples, Path work, LocalSystem system, MainViewModel model, ExecutorService background) {
        this.samples = samples;
        this.work = work;
        this.system = system;
        this.model = model;
        this.background = background;
    }

    /**
     * @param underTheStacksPolicies hold every part of the system to its policy in the stack template
     * @param dialogs                the scripted file dialogs, given the test's work folder
     * @return empty when the course data is absent (the test then says so through an assumption)
     */
    static Optional<RealDesktop> open(Stage stage, String name, boolean underTheStacksPolicies,
                                      Function<Path, ScriptedDialogs> dialogs) throws Exception {
        Optional<Path> samples = SampleData.find();
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        Path work = Files.createTempDirectory(name);
        LocalSystemOptions options = LocalSystemOptions.ephemeral(samples.get(), work.resolve("results"));
        LocalSystem system = LocalSystem.start(new ConfigLoader(Map.of(), work.resolve("none.properties")).load(Map.of()),
                underTheStacksPolicies ? options.withIamTemplate(StackTemplate.find().orElseThrow()) : options);
        SettingsStore settings = new SettingsStore(new ConfigLoader(Map.of(), work.resolve("config.properties")),
                DemoSystem.settingsOf(system.config()));
        ExecutorService background = DesktopApp.backgroundPool();
        MainViewModel model = new MainViewModel(new AwsBackend(), settings,
                new UploadJournal(work.resolve("uploads.json")), Platform::runLater, background);
        new MainWindow(stage, model, new WindowLayoutViewModel(LayoutStore.inMemory()), model.firstRun(Optional.empty()),
                dialogs.apply(work)).show(false);
        model.start();
        return Optional.of(new RealDesktop(samples.get(), work, system, model, background));
    }

    Path samples() {
        return samples;
    }

    Path work() {
        return work;
    }

    LocalSystem system() {
        return system;
    }

    MainViewModel model() {
        return model;
    }

    @Override
    public void close() {
        model.close();
        background.shutdownNow();
        system.close();
    }

    /** Polls on the calling (FX-robot) thread, as the tests' lookups need. */
    static void waitFor(String what, Duration limit, BooleanSupplier condition) {
        Awaitility.await(what).atMost(limit).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }
}
