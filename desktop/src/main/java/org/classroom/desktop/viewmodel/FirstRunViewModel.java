package org.classroom.desktop.viewmodel;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.desktop.logic.settings.LocalDemo;

/**
 * The first start, before any settings exist: start the local demo (when the command line put one on
 * the class path), connect to the demo that {@code classroom demo} runs, or fill in an account.
 */
public final class FirstRunViewModel {

    static final String STARTING_DEMO = "Starting the local demo (local cloud, function, relay)…";

    private final MainViewModel main;
    private final Optional<LocalDemo> demo;
    private final Executor ui;
    private final Executor background;
    private final BooleanProperty startingDemo = new SimpleBooleanProperty();

    FirstRunViewModel(MainViewModel main, Optional<LocalDemo> demo, Executor ui, Executor background) {
        this.main = main;
        this.demo = demo;
        this.ui = ui;
        this.background = background;
    }

    /** True when this app can start the demo itself; otherwise it can only connect to a running one. */
    public boolean demoAvailable() {
        return demo.isPresent();
    }

    /** Starts the demo (minutes at most, off the UI thread), then connects to it. */
    public CompletableFuture<Void> startDemo() {
        LocalDemo starter = demo.orElseThrow(() -> new IllegalStateException("no local demo on the class path"));
        startingDemo.set(true);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return starter.start(main.settings().load());
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, background).thenCompose((ClassroomConfig config) -> main.connect(config))
                .whenComplete((ok, error) -> ui.execute(() -> startingDemo.set(false)));
    }

    /** The settings that reach the demo {@code classroom demo} runs: the local cloud at its usual endpoint. */
    public SettingsViewModel runningDemoSettings() {
        SettingsViewModel form = main.settingsForm();
        form.localProperty().set(true);
        form.endpointProperty().set(SettingsViewModel.DEFAULT_LOCAL_ENDPOINT);
        return form;
    }

    /** The settings form opened on the account side. */
    public SettingsViewModel accountForm() {
        SettingsViewModel form = main.settingsForm();
        form.localProperty().set(false);
        return form;
    }

    /** What the status bar says: where the app is connected, or that the demo is starting. */
    public StringExpression statusText() {
        return Bindings.when(startingDemo).then(STARTING_DEMO).otherwise(main.targetProperty());
    }
}
