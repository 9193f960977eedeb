package org.classroom.system.demo;

import static org.classroom.system.demo.LiveDesktop.onFx;
import static org.classroom.system.demo.LiveDesktop.onFxQuietly;
import static org.classroom.system.demo.LiveDesktop.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.SampleData;
import org.classroom.common.model.Student;
import org.classroom.desktop.model.AttendanceSheet;
import org.classroom.desktop.model.LectureGrouping;
import org.classroom.desktop.model.StudentAttendance;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.localsystem.LocalSystem;
import org.classroom.localsystem.LocalSystemOptions;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A picture of the Attendance tab from a real run: the local system (cloud, function, relay) with the course's
 * students and gallery, the real desktop window connected to it, and a term of three lectures put into the input
 * bucket the way an S3 client puts recordings, as {@code week-1/}, {@code week-2/} and {@code week-3/} folders of
 * course clips (some clips in more than one week); week 3 also holds the two-and-a-half-minute lecture made from
 * the clips that {@link EvidenceScreenshots} pictures, so some students were on screen for minutes, not a second.
 * A student added to the roster never appears in any of them.
 * Once every clip's result has come through the relay, the lectures are grouped by folder and the tab is pictured:
 * the times on screen come from the engine's appearances, the student who never came is at the top in red, and
 * the chart counts the students present per week.
 *
 * <p>Run it under Xvfb with the GTK glass: {@code cli/src/build/attendance-screenshot.sh}. Argument:
 * {@code OUTPUT.png}. Exit status 0 when written, 1 when the results did not come in time, 2 when nothing started.
 */
public final class AttendanceScreenshot {

    private static final Duration LIMIT =
            Duration.ofSeconds(Long.getLong("classroom.screenshot.timeoutSeconds", 360));

    /** Not a course clip: made from them (needs ffmpeg). */
    private static final String LECTURE = "lecture.mp4";

    /** The term: what each week's folder holds. */
    private static final Map<String, List<String>> TERM = Map.of(
            "week-1", List.of("test_0.mp4", "test_1.mp4", "test_2.mp4", "test_4.mp4", "test_5.mp4", "test_6.mp4"),
            "week-2", List.of("test_0.mp4", "test_2.mp4", "test_7.mp4", "test_8.mp4"),
            "week-3", List.of("test_0.mp4", "test_1.mp4", "test_5.mp4", "test_7.mp4", "test_8.mp4", LECTURE));

    /** In the roster, in none of the clips. */
    private static final Student ABSENT = new Student("ada_lovelace", 9, "mathematics", "sophomore");

    private MainViewModel model;

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: AttendanceScreenshot OUTPUT.png");
            System.exit(2);
        }
        int status;
        try {
            Path samples = SampleData.find().orElseThrow(() -> new IllegalStateException(SampleData.missingMessage()));
            status = new AttendanceScreenshot().run(samples, Path.of(args[0]).toAbsolutePath());
        } catch (Exception e) {
            System.err.println("attendance screenshot: " + e.getMessage());
            e.printStackTrace();
            status = 2;
        }
        Platform.exit();
        System.exit(status);
    }

    private int run(Path samples, Path output) throws Exception {
        Path work = Files.createTempDirectory("attendance-screenshot");
        Path lecture = EvidenceScreenshots.lecture(samples.resolve("videos"), work.resolve(LECTURE));
        try (LocalSystem system = LocalSystem.start(new ConfigLoader(Map.of(), work.resolve("none.properties")).load(Map.of()),
                LocalSystemOptions.ephemeral(samples, work.resolve("results")));
             LiveDesktop desktop = LiveDesktop.open(system, work)) {
            model = desktop.model();
            if (!waitFor(Duration.ofSeconds(60), () -> onFxQuietly(() -> !model.roster().students().isEmpty()))) {
                System.err.println("attendance screenshot: the roster did not load");
                return 1;
            }
            onFx(() -> model.roster().save(ABSENT, null)).get(60, TimeUnit.SECONDS);

            int uploads = 0;
            try (AwsClients clients = new AwsClients(system.config()); S3Client s3 = clients.s3()) {
                for (String week : TERM.keySet().stream().sorted().toList()) {
                    for (String clip : TERM.get(week)) {
                        s3.putObject(put -> put.bucket(system.config().inputBucket()).key(week + "/" + clip),
                                RequestBody.fromFile(clip.equals(LECTURE) ? lecture
                                        : samples.resolve("videos").resolve(clip)));
                        uploads++;
                    }
                }
            }
            System.out.println("put " + uploads + " clips into " + TERM.size() + " folders");

            onFx(() -> {
                model.attendance().groupingProperty().set(LectureGrouping.FOLDER);
                ((TabPane) desktop.stage().getScene().lookup(".tab-pane")).getSelectionModel().select(2);
                return null;
            });
            int expected = uploads;
            if (!waitFor(LIMIT, () -> onFxQuietly(() -> complete(model.attendance().sheetProperty().get(), expected)))) {
                System.err.println("attendance screenshot: the " + expected + " clips' results did not all come within "
                        + LIMIT.toSeconds() + " s (" + onFx(() -> videos(model.attendance().sheetProperty().get()))
                        + " in the sheet)");
                WindowPng.save(desktop.stage(), output.resolveSibling(output.getFileName() + ".failed.png"));
                return 1;
            }
            Thread.sleep(1500);   // the chart's bars grow in, and the last paint
            AttendanceSheet sheet = onFx(() -> model.attendance().sheetProperty().get());
            System.out.println("saved " + output + " (" + WindowPng.save(desktop.stage(), output) + "): "
                    + sheet.lectures().size() + " lectures, present per lecture " + sheet.presentPerLecture()
                    + ", never seen " + sheet.students().stream().filter(StudentAttendance::neverSeen)
                    .map(StudentAttendance::name).toList());
            return 0;
        }
    }

    /** Grouped by folder, with every clip's result and the roster's absent student in it. */
    private static boolean complete(AttendanceSheet sheet, int uploads) {
        return sheet.grouping() == LectureGrouping.FOLDER && sheet.lectures().size() == TERM.size()
                && videos(sheet) == uploads
                && sheet.students().stream().anyMatch(row -> row.name().equals(ABSENT.name()) && row.neverSeen());
    }

    private static int videos(AttendanceSheet sheet) {
        return sheet.lectures().stream().mapToInt(lecture -> lecture.videos().size()).sum();
    }
}
