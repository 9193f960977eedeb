package org.classroom.desktop.gui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.classroom.common.model.Student;
import org.classroom.desktop.viewmodel.Failures;
import org.classroom.desktop.viewmodel.FirstRunViewModel;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.desktop.viewmodel.SettingsViewModel;
import org.classroom.desktop.viewmodel.WindowLayoutViewModel;

/**
 * The main window: menus, the Videos tab (drop zone and uploads beside the live results), the
 * Roster tab and the Attendance tab, with a status bar showing where the app is connected and the relay's state.
 */
public final class MainWindow {

    private final Stage stage;
    private final MainViewModel model;
    private final WindowLayoutViewModel layout;
    private final FirstRunViewModel firstRun;
    private final FileDialogs dialogs;
    private final SplitPane split = new SplitPane();
    private final TabPane tabs = new TabPane();
    private final DropZone dropZone;
    private final ResultsView results;
    private final RosterView roster;
    private final AttendanceView attendance;

    public MainWindow(Stage stage, MainViewModel model, WindowLayoutViewModel layout, FirstRunViewModel firstRun,
                      FileDialogs dialogs) {
        this.stage = stage;
        this.model = model;
        this.layout = layout;
        this.firstRun = firstRun;
        this.dialogs = dialogs;
        this.dropZone = new DropZone(model.uploads()::add);
        this.results = new ResultsView(model.results());
        this.roster = new RosterView(model.roster());
        this.attendance = new AttendanceView(model.attendance());
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
        split.setDividerPositions(layout.divider());
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
        attendance.export.setOnAction(event -> dialogs.chooseExport(stage, "attendance.csv")
                .ifPresent(model.attendance()::export));
        Tab course = new Tab("Attendance", attendance);
        course.setId("attendanceTab");
        tabs.getTabs().addAll(videos, people, course);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        BorderPane root = new BorderPane(tabs);
        root.setTop(menus());
        root.setBottom(new StatusBar(firstRun.statusText(), model.corrections().statusProperty(),
                model.results().connectionProperty()));
        Scene scene = new Scene(root, layout.width(), layout.height());
        scene.getStylesheets().add(MainWindow.class.getResource("desktop.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Smart Classroom Assistant");
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        WindowPlacement.keep(stage, split, layout);
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
        MenuItem showAttendance = item("_Attendance", "Shortcut+3", () -> tabs.getSelectionModel().select(2));
        Menu view = new Menu("_View", null, showVideos, showRoster, showAttendance, new SeparatorMenuItem(), filter, refresh);
        MenuItem about = item("_About", null, () -> info("Smart Classroom Assistant",
                "Drop lecture clips; the cloud finds who is in them and the results appear here live."));
        Menu help = new Menu("_Help", null, about);
        Menu edit = new CorrectionMenu(stage, model, results.table).editMenu();
        MenuBar bar = new MenuBar(file, edit, view, help);
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
        SettingsDialog.ask(stage, model.settingsForm(), model.settingsLocation()).ifPresent(this::apply);
    }

    private void apply(SettingsViewModel form) {
        model.applySettings(form).whenComplete((ok, error) -> {
            if (error != null) {
                Platform.runLater(() -> info("Settings not applied", Failures.message(error)));
            }
        });
    }

    /** Shows the window where it was last time, and the first-run dialog if there are no settings yet. */
    public void show(boolean firstStart) {
        stage.show();
        // The divider is a fraction of the laid-out width: set it again once the window has its size.
        double divider = layout.divider();
        split.setDividerPositions(divider);
        Platform.runLater(() -> split.setDividerPositions(divider));
        if (firstStart) {
            Platform.runLater(this::askFirstRun);
        }
    }

    private void askFirstRun() {
        FirstRunDialog.Choice choice = FirstRunDialog.ask(stage, firstRun.demoAvailable());
        switch (choice) {
            case LOCAL_DEMO -> startDemo();
            case ACCOUNT -> SettingsDialog.ask(stage, firstRun.accountForm(), model.settingsLocation()).ifPresent(this::apply);
            case LATER -> { }
        }
    }

    private void startDemo() {
        if (!firstRun.demoAvailable()) {
            apply(firstRun.runningDemoSettings());
            return;
        }
        firstRun.startDemo().whenComplete((ok, error) -> {
            if (error != null) {
                Platform.runLater(() -> info("The local demo did not start", Failures.message(error)));
            }
        });
    }

    private void info(String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        alert.initOwner(stage);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.show();
    }

    public Stage stage() {
        return stage;
    }

    public MainViewModel model() {
        return model;
    }
}
