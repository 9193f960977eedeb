package org.classroom.desktop.gui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.SampleData;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;
import org.classroom.common.students.StudentFile;
import org.classroom.desktop.DesktopApp;
import org.classroom.desktop.logic.settings.LayoutStore;
import org.classroom.desktop.logic.settings.SettingsStore;
import org.classroom.desktop.logic.upload.ObjectUploader;
import org.classroom.desktop.logic.upload.UploadJournal;
import org.classroom.desktop.testing.Drops;
import org.classroom.desktop.testing.MemoryRoster;
import org.classroom.desktop.testing.ScriptedDialogs;
import org.classroom.desktop.testing.TestBackend;
import org.classroom.desktop.testing.TinyRelay;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.desktop.viewmodel.WindowLayoutViewModel;

/**
 * Renders the real window with sample state and saves the README's screenshots:
 * {@code desktop-empty.png}, {@code desktop-uploads.png}, {@code desktop-results.png}, {@code desktop-roster.png},
 * {@code desktop-settings.png}. (The Attendance tab's picture, {@code desktop-attendance.png}, is taken from a real
 * run by the cli module's {@code AttendanceScreenshot}.)
 * Run it under Xvfb with the GTK glass (not Monocle), e.g.
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -Dprism.order=sw -cp ... org.classroom.desktop.gui.DesktopScreenshots docs}.
 * Uploads go through a staged uploader (so that progress can be frozen mid-way), results come from a
 * small relay stand-in on a real socket, the roster is the course's student_data.json.
 */
public final class DesktopScreenshots {

    /** Distances as the engine reports them for the course clips (first frames), for realistic rows. */
    private static final Map<String, Double> DISTANCES = Map.of("test_0.mp4", 0.392, "test_1.mp4", 0.418,
            "test_2.mp4", 0.471, "test_4.mp4", 0.455, "test_5.mp4", 0.512, "test_6.mp4", 0.549,
            "test_7.mp4", 0.367, "test_8.mp4", 0.404);

    private DesktopScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs").toAbsolutePath();
        Path samples = SampleData.find().orElseThrow(() -> new IllegalStateException(SampleData.missingMessage()));
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("desktop-screenshots");
        List<Path> clips;
        try (Stream<Path> files = Files.list(samples.resolve("videos"))) {
            clips = files.filter(f -> f.toString().endsWith(".mp4")).sorted().toList();
        }
        List<String[]> expected = Files.readAllLines(samples.resolve("expected.csv")).stream().skip(1)
                .filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        List<Student> students = StudentFile.read(samples.resolve("student_data.json"));

        StagedUploader uploader = new StagedUploader();
        try (TinyRelay relay = new TinyRelay("screenshot")) {
            ExecutorService background = DesktopApp.backgroundPool();
            SettingsStore settings = new SettingsStore(new ConfigLoader(Map.of(), work.resolve("config.properties")),
                    Map.of("endpoint", "http://127.0.0.1:4566", "relay.url", relay.url().toString(),
                            "relay.token", "screenshot"));
            MainViewModel model = new MainViewModel(new TestBackend(null, new MemoryRoster(students)) {
                @Override
                public ObjectUploader uploader(org.classroom.common.config.ClassroomConfig config) {
                    return uploader;
                }
            }, settings, new UploadJournal(work.resolve("uploads.json")), Platform::runLater, background);

            CountDownLatch started = new CountDownLatch(1);
            Platform.startup(started::countDown);
            started.await();
            Stage[] stage = new Stage[1];
            onFx(() -> {
                stage[0] = new Stage();
                new MainWindow(stage[0], model, new WindowLayoutViewModel(LayoutStore.inMemory()), model.firstRun(Optional.empty()),
                        ScriptedDialogs.none())
                        .show(false);
            });
            model.start().get(30, TimeUnit.SECONDS);
            waitFor(() -> model.results().connected());
            pause(1500);
            save(stage[0], out.resolve("desktop-empty.png"));

            // Uploads: the clips and a photo renamed .mp4; three finish, the rest are on their way.
            Path photo = work.resolve("holiday.mp4");
            Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'});
            uploader.stage("test_0.mp4", 1.0);
            uploader.stage("test_1.mp4", 1.0);
            uploader.stage("test_2.mp4", 1.0);
            uploader.stage("test_4.mp4", 0.72);
            uploader.stage("test_5.mp4", 0.41);
            uploader.stage("test_6.mp4", 0.18);
            List<Path> dropped = new ArrayList<>(clips);
            dropped.add(photo);
            onFx(() -> Drops.drop(stage[0].getScene().lookup("#dropZone"), dropped));
            pause(2500);
            for (String[] line : expected.subList(0, 2)) {
                relay.publish(result(line));
            }
            pause(1500);
            save(stage[0], out.resolve("desktop-uploads.png"));

            // Everything uploaded, all eight results in.
            uploader.releaseAll();
            pause(2000);
            for (String[] line : expected.subList(2, expected.size())) {
                relay.publish(result(line));
                pause(150);
            }
            pause(1500);
            onFx(() -> {
                @SuppressWarnings("unchecked")
                TableView<Object> table = (TableView<Object>) stage[0].getScene().lookup("#resultsTable");
                table.getSelectionModel().clearSelection();
            });
            save(stage[0], out.resolve("desktop-results.png"));

            onFx(() -> ((TabPane) stage[0].getScene().lookup(".tab-pane")).getSelectionModel().select(1));
            pause(1000);
            onFx(() -> {
                @SuppressWarnings("unchecked")
                TableView<Student> roster = (TableView<Student>) stage[0].getScene().lookup("#rosterTable");
                roster.getSelectionModel().select(roster.getItems().stream()
                        .filter(s -> s.name().equals("president_trump")).findFirst().orElse(null));
                roster.requestFocus();
            });
            relay.publish(new VideoResult("enrol/president_trump/portrait.jpg", ResultStatus.RECOGNISED,
                    List.of(new RecognisedPerson("president_trump", 5, "physics", "junior", 0.312, null, null)),
                    1, 0, "enrolled a face of president_trump (2 encodings now)", null, Map.of(), Instant.now()));
            pause(1500);
            save(stage[0], out.resolve("desktop-roster.png"));

            // File > Settings for a real account whose relay runs on an OpenStack VM with its own certificate, pinned.
            SettingsDialog[] dialog = new SettingsDialog[1];
            onFx(() -> {
                org.classroom.desktop.viewmodel.SettingsViewModel form = model.settingsForm();
                form.localProperty().set(false);
                form.profileProperty().set("classroom");
                form.relayUrlProperty().set("https://203.0.113.10:8443");
                form.relayTokenProperty().set("screenshot");
                form.relayFingerprintProperty().set(exampleFingerprint());
                dialog[0] = new SettingsDialog(stage[0], form, model.settingsLocation());
                dialog[0].show();
            });
            pause(1000);
            save(dialog[0].getDialogPane().getScene(), out.resolve("desktop-settings.png"));
            onFx(() -> dialog[0].close());

            onFx(() -> stage[0].close());
            model.close();
            background.shutdownNow();
        }
        Platform.exit();
        System.out.println("screenshots written to " + out);
        System.exit(0);
    }

    private static VideoResult result(String[] line) {
        return new VideoResult(line[0], ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson(line[1], Integer.valueOf(line[2]), line[3], line[4],
                        DISTANCES.getOrDefault(line[0], 0.45), null, 0.0)),
                1, 0, null, null, Map.of(), Instant.now());
    }

    /** A SHA-256 fingerprint in the form `keytool -list` prints one, of no real certificate. */
    private static String exampleFingerprint() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest("screenshot".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.util.StringJoiner hex = new java.util.StringJoiner(":");
            for (byte b : digest) {
                hex.add(String.format("%02X", b));
            }
            return hex.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void save(Stage stage, Path file) throws Exception {
        save(stage.getScene(), file);
    }

    private static void save(javafx.scene.Scene scene, Path file) throws Exception {
        CompletableFuture<WritableImage> shot = new CompletableFuture<>();
        Platform.runLater(() -> shot.complete(scene.snapshot(null)));
        WritableImage image = shot.get(30, TimeUnit.SECONDS);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(buffered, "png", file.toFile());
        System.out.println("saved " + file + " (" + width + "x" + height + ")");
    }

    private static void onFx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    /** Sends each file up to a set fraction and holds it there until released; unstaged files wait. */
    private static final class StagedUploader implements ObjectUploader {
        private final Map<String, Double> targets = new ConcurrentHashMap<>();
        private final CountDownLatch release = new CountDownLatch(1);

        void stage(String key, double fraction) {
            targets.put(key, fraction);
        }

        void releaseAll() {
            release.countDown();
        }

        @Override
        public Transfer start(Path file, String key, LongConsumer progress) {
            CompletableFuture<String> done = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    long size = Files.size(file);
                    double target = targets.getOrDefault(key, 0.0);
                    for (int step = 1; step <= 10; step++) {
                        progress.accept((long) (size * target * step / 10));
                        Thread.sleep(120);
                    }
                    if (target < 1.0) {
                        release.await();
                        for (int step = 1; step <= 5; step++) {
                            progress.accept((long) (size * (target + (1 - target) * step / 5)));
                            Thread.sleep(60);
                        }
                    }
                    done.complete("etag-" + key);
                } catch (IOException e) {
                    done.completeExceptionally(e);
                } catch (InterruptedException e) {
                    done.cancel(true);
                }
            }, "staged-upload");
            thread.setDaemon(true);
            thread.start();
            return new Transfer() {
                @Override
                public CompletableFuture<String> done() {
                    return done;
                }

                @Override
                public void cancel() {
                    thread.interrupt();
                }
            };
        }

        @Override
        public String destination() {
            return "s3://classroom-input";
        }

        @Override
        public void close() {
        }
    }
}
