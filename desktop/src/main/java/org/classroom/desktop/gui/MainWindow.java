package org.classroom.desktop.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.Setting;
import org.classroom.common.model.Student;
import org.classroom.desktop.logic.settings.LayoutStore;
import org.classroom.desktop.logic.settings.LocalDemo;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.desktop.viewmodel.SettingsViewModel;

/**
 * The main window: menus, the Videos tab (drop zone and uploads beside the live results) and the
 * Roster tab, with a status bar showing where the app is connected and the relay's state.
 */
public final class MainWindow {

    public static final double DEFAULT_WIDTH = 1200;
    public static final double DEFAULT_HEIGHT = 760;
    private static final double DEFAULT_DIVIDER = 0.33;

    private final Stage stage;
    private final MainViewModel model;
    private final LayoutStore layout;
    private final FileDialogs dialogs;
    private final Optional<LocalDemo> demo;
    private final Executor background;
    private final SplitPane split = new SplitPane();
    private final TabPane tabs = new TabPane();
    private final Label status = new Label();
    private final DropZone dropZone;
    private final ResultsView results;
    private final RosterView roster;

    public MainWindow(Stage stage, MainViewModel model, LayoutStore layout, FileDialogs dialogs,
                      Optional<LocalDemo> demo, Executor background) {
        this.stage = stage;
        this.model = model;
        this.layout = layout;
        this.dialogs = dialogs;
        this.demo = demo;
        this.background = background;
        this.dropZone = new DropZone(model.uploads()::add);
        this.results = new ResultsView(model.results());
        this.roster = new RosterView(model.roster());
        build();
    }

    private void build() {
        UploadsView uploads = new UploadsView(model.uploads());
        dropZone.chooseFiles.setOnAction(event -> addFiles());
        dropZone.chooseFolder.setOnAction(event -> addFolder());
        VBox left = new VBox(10, dropZone, uploads);
        left.setPadding(new Insets(10));
        VBox.setVgrow(uploads, Priority.ALWAYS);
        left.setMinWidth(300);
        results.setPadding(new Insets(10));
        results.export.setOnAction(event -> export());
        split.setId("videosSplit");
        split.getItems().addAll(left, results);
        split.setDividerPositions(layout.get("divider.videos", DEFAULT_DIVIDER));
        SplitPane.setResizableWithParent(left, false);

        roster.add.setOnAction(event -> StudentDialog.ask(stage, null).ifPresent(s -> model.roster().save(s, null)));
        roster.edit.setOnAction(event -> editStudent());
        roster.remove.setOnAction(event -> removeStudent());
        roster.enrol.setOnAction(event -> enrolStudent());
        roster.refresh.setOnAction(event -> model.roster().refresh());

        Tab videos = new Tab("Videos", split);
        videos.setId("videosTab");
        Tab people = new Tab("Roster", roster);
        people.setId("rosterTab");
        tabs.getTabs().addAll(videos, people);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        status.setId("targetLabel");
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.targetProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox statusBar = new HBox(10, status, spacer, new ConnectionIndicator(model.results().connectionProperty()));
        statusBar.getStyleClass().add("status-bar");
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.setPadding(new Insets(4, 10, 4, 10));

        BorderPane root = new BorderPane(tabs);
        root.setTop(menus());
        root.setBottom(statusBar);
        Scene scene = new Scene(root, layout.get("window.width", DEFAULT_WIDTH), layout.get("window.height", DEFAULT_HEIGHT));
        scene.getStylesheets().add(MainWindow.class.getResource("desktop.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Smart Classroom Assistant");
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        restorePosition();
        stage.setOnHiding(event -> saveLayout());
    }

    private MenuBar menus() {
        MenuItem addFiles = item("_Add clips…", "Shortcut+O", this::addFiles);
        MenuItem addFolder = item("Add _folder…", "Shortcut+Shift+O", this::addFolder);
        MenuItem export = item("_Export results…", "Shortcut+E", this::export);
        export.disableProperty().bind(model.results().hasRows().not());
        MenuItem settings = item("_Settings…", "Shortcut+Comma", this::openSettings);
        MenuItem quit = item("_Quit", "Shortcut+Q", stage::close);
        Menu file = new Menu("_File", null, addFiles, addFolder, new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), settings, new SeparatorMenuItem(), quit);
        MenuItem showVideos = item("_Videos", "Shortcut+1", () -> tabs.getSelectionModel().select(0));
        MenuItem showRoster = item("_Roster", "Shortcut+2", () -> tabs.getSelectionModel().select(1));
        MenuItem filter = item("_Filter results", "Shortcut+F", () -> {
            tabs.getSelectionModel().select(0);
            results.filter.requestFocus();
        });
        MenuItem refresh = item("Re_fresh roster", "Shortcut+R", () -> model.roster().refresh());
        Menu view = new Menu("_View", null, showVideos, showRoster, new SeparatorMenuItem(), filter, refresh);
        MenuItem about = item("_About", null, () -> info("Smart Classroom Assistant",
                "Drop lecture clips; the cloud finds who is in them and the results appear here live."));
        Menu help = new Menu("_Help", null, about);
        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menuBar");
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    private void addFiles() {
        List<Path> files = dialogs.chooseVideos(stage);
        if (!files.isEmpty()) {
            model.uploads().add(files);
        }
    }

    private void addFolder() {
        dialogs.chooseFolder(stage).ifPresent(folder -> model.uploads().add(List.of(folder)));
    }

    private void export() {
        dialogs.chooseExport(stage, "results.csv").ifPresent(model.results()::export);
    }

    private void editStudent() {
        Student selected = roster.table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            StudentDialog.ask(stage, selected).ifPresent(s -> model.roster().save(s, selected.name()));
        }
    }

    private void removeStudent() {
        Student selected = roster.table.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Remove " + selected.name() + " and their enrolled faces from the roster?",
                ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(stage);
        confirm.setHeaderText(null);
        if (confirm.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
            model.roster().remove(selected);
        }
    }

    private void enrolStudent() {
        Student selected = roster.table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            dialogs.chooseEnrolmentFile(stage).ifPresent(file -> model.roster().enrol(selected.name(), file));
        }
    }

    /** Opens the settings dialog; saving reconnects. */
    public void openSettings() {
        SettingsViewModel form = new SettingsViewModel(model.settings().values());
        SettingsDialog.ask(stage, form, model.settings().location()).ifPresent(this::apply);
    }

    private void apply(Map<Setting, String> values) {
        model.applySettings(values).whenComplete((ok, error) -> {
            if (error != null) {
                Platform.runLater(() -> info("Settings not applied", rootMessage(error)));
            }
        });
    }

    /** Shows the window where it was last time, and the first-run dialog if there are no settings yet. */
    public void show(boolean firstRun) {
        stage.show();
        // The divider is a fraction of the laid-out width: set it again once the window has its size.
        double divider = layout.get("divider.videos", DEFAULT_DIVIDER);
        split.setDividerPositions(divider);
        Platform.runLater(() -> split.setDividerPositions(divider));
        if (firstRun) {
            Platform.runLater(this::firstRun);
        }
    }

    private void firstRun() {
        FirstRunDialog.Choice choice = FirstRunDialog.ask(stage, demo.isPresent());
        switch (choice) {
            case LOCAL_DEMO -> startDemo();
            case ACCOUNT -> {
                SettingsViewModel form = new SettingsViewModel(model.settings().values());
                form.localProperty().set(false);
                SettingsDialog.ask(stage, form, model.settings().location()).ifPresent(this::apply);
            }
            case LATER -> { }
        }
    }

    private void startDemo() {
        if (demo.isEmpty()) {
            SettingsViewModel form = new SettingsViewModel(model.settings().values());
            form.localProperty().set(true);
            form.endpointProperty().set(SettingsViewModel.DEFAULT_LOCAL_ENDPOINT);
            apply(form.values());
            return;
        }
        status.textProperty().unbind();
        status.setText("Starting the local demo (local cloud, function, relay)…");
        CompletableFuture.supplyAsync(() -> {
            try {
                return demo.get().start(model.settings().load());
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, background).thenCompose((ClassroomConfig config) -> model.connect(config)).whenComplete((ok, error) ->
                Platform.runLater(() -> {
                    status.textProperty().bind(model.targetProperty());
                    if (error != null) {
                        info("The local demo did not start", rootMessage(error));
                    }
                }));
    }

    private void info(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        alert.initOwner(stage);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.show();
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null
                && (cause instanceof java.util.concurrent.CompletionException || cause.getMessage() == null)) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private void restorePosition() {
        double x = layout.get("window.x", Double.NaN);
        double y = layout.get("window.y", Double.NaN);
        double width = layout.get("window.width", DEFAULT_WIDTH);
        double height = layout.get("window.height", DEFAULT_HEIGHT);
        if (!Double.isNaN(x) && !Double.isNaN(y)
                && !Screen.getScreensForRectangle(new Rectangle2D(x, y, Math.max(width, 1), Math.max(height, 1))).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(layout.get("window.maximized", 0) > 0);
    }

    private void saveLayout() {
        layout.put("window.maximized", stage.isMaximized() ? 1 : 0);
        if (!stage.isMaximized()) {
            layout.put("window.x", stage.getX());
            layout.put("window.y", stage.getY());
            layout.put("window.width", stage.getScene().getWidth());
            layout.put("window.height", stage.getScene().getHeight());
        }
        if (split.getDividerPositions().length > 0) {
            layout.put("divider.videos", split.getDividerPositions()[0]);
        }
        layout.flush();
    }

    public Stage stage() {
        return stage;
    }

    public MainViewModel model() {
        return model;
    }
}
