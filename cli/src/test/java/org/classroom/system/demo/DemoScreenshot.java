package org.classroom.system.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.SampleData;
import org.classroom.desktop.DesktopApp;
import org.classroom.desktop.gui.FileDialogs;
import org.classroom.desktop.gui.MainWindow;
import org.classroom.desktop.logic.AwsBackend;
import org.classroom.desktop.logic.settings.LayoutStore;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.classroom.desktop.logic.upload.UploadJournal;
import org.classroom.desktop.logic.upload.UploadState;
import org.classroom.desktop.model.ConnectionState;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.desktop.viewmodel.UploadRowViewModel;
import org.classroom.desktop.viewmodel.WindowLayoutViewModel;
import org.classroom.localsystem.DemoSystem;
import org.classroom.localsystem.LocalSystem;
import org.classroom.localsystem.LocalSystemOptions;

/**
 * A picture of the real demo at work: the local system (cloud, function, relay) with the course's
 * students and gallery, the real desktop window connected to it as {@code classroom demo} connects it,
 * and the course's eight clips dropped on it. The clips go the real way (S3 upload, event notification,
 * input queue, relay, function, output queue, relay's live stream) and the picture is taken once the
 * table shows a recognised row for each.
 *
 * <p>Run it under Xvfb with the GTK glass, e.g. {@code cli/src/build/demo-screenshot.sh}. Arguments:
 * {@code OUTPUT.png [IN-PROGRESS.png]}; the second, if given, is a picture taken while the uploads are
 * under way (or, if they were too quick to catch, while the results are coming in). Exit status 0 when
 * the picture shows what it should, 1 when the results did not come (or were wrong) in time, 2 when the
 * system or the window did not start.
 */
public final class DemoScreenshot {

    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(60);
    private static final Duration RESULTS_LIMIT =
            Duration.ofSeconds(Long.getLong("classroom.screenshot.timeoutSeconds", 180));

    private final Path output;
    private final Path progressOutput;
    private final CourseAnswers answers;
    private Stage stage;
    private MainViewModel model;
    private String progressCaught;

    private DemoScreenshot(Path output, Path progressOutput, CourseAnswers answers) {
        this.output = output;
        this.progressOutput = progressOutput;
        this.answers = answers;
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: DemoScreenshot OUTPUT.png [IN-PROGRESS.png]");
            System.exit(2);
        }
        int status;
        try {
            Path samples = SampleData.find().orElseThrow(() -> new IllegalStateException(SampleData.missingMessage()));
            CourseAnswers answers = CourseAnswers.read(samples);
            Path progress = args.length > 1 ? Path.of(args[1]).toAbsolutePath() : null;
            status = new DemoScreenshot(Path.of(args[0]).toAbsolutePath(), progress, answers).run(samples);
        } catch (Exception e) {
            System.err.println("demo screenshot: " + e.getMessage());
            e.printStackTrace();
            status = 2;
        }
        Platform.exit();
        System.exit(status);
    }

    private int run(Path samples) throws Exception {
        Path work = Files.createTempDirectory("demo-screenshot");
        try {
            return run(samples, work);
        } finally {
            deleteQuietly(work);
        }
    }

    private int run(Path samples, Path work) throws Exception {
        System.out.println("starting the local system (cloud, function, relay) with the students and gallery of " + samples);
        try (LocalSystem system = LocalSystem.start(ConfigLoader.forCurrentUser().load(Map.of()),
                LocalSystemOptions.ephemeral(samples, work.resolve("results")))) {
            System.out.println("local cloud " + system.cloud().endpoint() + ", relay " + system.relay().apiUrl());
            ExecutorService background = DesktopApp.backgroundPool();
            try {
                openWindow(system, work, background);
                return dropAndPhotograph();
            } finally {
                if (stage != null) {
                    LiveDesktop.onFx(() -> {
                        stage.close();
                        return null;
                    });
                }
                if (model != null) {
                    model.close();
                }
                background.shutdownNow();
            }
        }
    }

    /**
     * The window as {@code classroom demo} makes it: the real AWS backend and the settings that reach the
     * local system given as flags. The journal and layout are kept apart from the user's own.
     */
    private void openWindow(LocalSystem system, Path work, ExecutorService background) throws Exception {
        SettingsStore settings = new SettingsStore(new ConfigLoader(Map.of(), work.resolve("config.properties")),
                DemoSystem.settingsOf(system.config()));
        model = new MainViewModel(new AwsBackend(), settings, new UploadJournal(work.resolve("uploads.json")),
                Platform::runLater, background);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        System.out.println("JavaFX glass platform: " + LiveDesktop.onFx(() -> com.sun.glass.ui.Application.GetApplication().getClass().getSimpleName()));
        LiveDesktop.onFx(() -> {
            stage = new Stage();
            new MainWindow(stage, model, new WindowLayoutViewModel(LayoutStore.inMemory()),
                    model.firstRun(Optional.of(base -> system.config())), FileDialogs.system()).show(false);
            return null;
        });
        model.start().get(CONNECT_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!LiveDesktop.waitFor(CONNECT_LIMIT, () -> model.results().connectionProperty().get().state() == ConnectionState.CONNECTED)) {
            throw new IllegalStateException("the desktop did not connect to the relay's live stream within "
                    + CONNECT_LIMIT.toSeconds() + " s: " + model.results().connectionProperty().get());
        }
        Thread.sleep(1000);
    }

    private int dropAndPhotograph() throws Exception {
        long droppedAt = System.nanoTime();
        // What the drop zone does with dropped files, on the FX thread as a drop is.
        LiveDesktop.onFx(() -> {
            model.uploads().add(answers.clips());
            return null;
        });
        System.out.println("dropped " + answers.clips().size() + " clips");

        boolean done = LiveDesktop.waitFor(RESULTS_LIMIT, () -> {
            if (progressOutput != null && progressCaught == null) {
                catchProgress();
            }
            return LiveDesktop.onFxQuietly(() -> answers.answered(model.results().rows())) == answers.nameByVideo().size();
        });
        double seconds = (System.nanoTime() - droppedAt) / 1e9;
        Thread.sleep(1500); // the last row's paint, the uploads list's last refresh
        LiveDesktop.onFx(() -> {
            ((TableView<?>) stage.getScene().lookup("#resultsTable")).getSelectionModel().clearSelection();
            return null;
        });
        List<ResultRow> rows = LiveDesktop.onFx(() -> List.copyOf(model.results().sorted()));
        rows.forEach(row -> System.out.println(describe(row)));
        List<String> problems = answers.problems(rows);
        if (!done) {
            problems.add(0, "only " + answers.answered(rows) + " of " + answers.nameByVideo().size()
                    + " clips had a result after " + RESULTS_LIMIT.toSeconds() + " s");
        }
        if (!problems.isEmpty()) {
            Path failed = output.resolveSibling(output.getFileName() + ".failed.png");
            WindowPng.save(stage, failed);
            System.err.println("demo screenshot: the table is not right: " + String.join("; ", problems)
                    + " (picture of it: " + failed + ")");
            return 1;
        }
        System.out.printf(Locale.ROOT, "all %d clips recognised %.1f s after the drop%n", rows.size(), seconds);
        System.out.println("saved " + output + " (" + WindowPng.save(stage, output) + ")");
        if (progressOutput != null && progressCaught == null) {
            System.out.println("no in-progress moment was caught; " + progressOutput + " not written");
        }
        return 0;
    }

    /**
     * Takes the in-progress picture at the first moment all the clips are listed and some are still
     * uploading; local uploads are quick, so failing that, while the results are coming in. The state is
     * read and pictured in one go on the FX thread, so it cannot move on in between.
     */
    private void catchProgress() {
        WritableImage image = LiveDesktop.onFxQuietly(() -> {
            List<UploadRowViewModel> uploads = List.copyOf(model.uploads().rows());
            boolean listed = uploads.size() >= answers.clips().size();
            boolean uploading = uploads.stream().anyMatch(row -> row.upload() != null
                    && (row.upload().state() == UploadState.QUEUED || row.upload().state() == UploadState.UPLOADING));
            long answered = answers.answered(model.results().rows());
            if (listed && uploading) {
                progressCaught = "uploads under way";
            } else if (answered > 0 && answered < answers.nameByVideo().size()) {
                progressCaught = "results coming in (" + answered + " of " + answers.nameByVideo().size() + ")";
            } else {
                return null;
            }
            return WindowPng.takeNow(stage);
        });
        if (image != null) {
            try {
                System.out.println("saved " + progressOutput + " (" + WindowPng.write(image, progressOutput) + ", "
                        + progressCaught + ")");
            } catch (java.io.IOException e) {
                System.err.println("cannot write " + progressOutput + ": " + e.getMessage());
            }
        }
    }

    /** The run's results folder, journal and settings file: nothing of them is needed afterwards. */
    private static void deleteQuietly(Path folder) {
        try (java.util.stream.Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("cannot remove " + folder + ": " + e.getMessage());
        }
    }

    private static String describe(ResultRow row) {
        return String.format(Locale.ROOT, "  %-11s %-11s %-16s distance %s, result %s after the upload", row.video(),
                row.status(), row.name(), row.distance() == null ? "-" : String.format(Locale.ROOT, "%.3f", row.distance()),
                row.uploadToResult() == null ? "?" : String.format(Locale.ROOT, "%.1f s", row.uploadToResult().toMillis() / 1000.0));
    }
}
