package org.classroom.system.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.SampleData;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.viewmodel.MainViewModel;
import org.classroom.face.video.LectureMaker;
import org.classroom.localcloud.iam.StackTemplate;
import org.classroom.localsystem.LocalSystem;
import org.classroom.localsystem.LocalSystemOptions;

/**
 * Pictures of the frame view and the timeline from a real run: the local system (cloud, function, relay, every
 * part under the stack's policies) with the course's students and gallery, the real window connected to it,
 * {@code test_5.mp4} and a lecture made from the course clips dropped on it. {@code desktop-frame.png} has the row
 * selected whose frame outlines the most faces, with their boxes; {@code desktop-timeline.png} has the lecture's
 * timeline with the pointer over it and the filmstrip's thumbnail there.
 *
 * <p>Run it under Xvfb with the GTK glass: {@code cli/src/build/evidence-screenshots.sh}. Argument: the output
 * folder. Exit status 0 when both pictures are written, 1 when the results or the pictures did not come in time,
 * 2 when nothing started.
 */
public final class EvidenceScreenshots {

    private static final Duration LIMIT = Duration.ofSeconds(Long.getLong("classroom.screenshot.timeoutSeconds", 240));

    private Stage stage;
    private MainViewModel model;

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: EvidenceScreenshots OUTPUT_DIR");
            System.exit(2);
        }
        int status;
        try {
            Path samples = SampleData.find().orElseThrow(() -> new IllegalStateException(SampleData.missingMessage()));
            status = new EvidenceScreenshots().run(samples, Path.of(args[0]).toAbsolutePath());
        } catch (Exception e) {
            System.err.println("evidence screenshots: " + e.getMessage());
            e.printStackTrace();
            status = 2;
        }
        Platform.exit();
        System.exit(status);
    }

    private int run(Path samples, Path out) throws Exception {
        Path work = Files.createTempDirectory("evidence-screenshots");
        Files.createDirectories(out);
        Path lecture = lecture(samples.resolve("videos"), work.resolve("lecture.mp4"));
        System.out.println("made " + lecture);
        try (LocalSystem system = LocalSystem.start(new ConfigLoader(Map.of(), work.resolve("none.properties")).load(Map.of()),
                LocalSystemOptions.ephemeral(samples, work.resolve("results"))
                        .withIamTemplate(StackTemplate.find().orElseThrow()))) {
            try (LiveDesktop desktop = LiveDesktop.open(system, work)) {
                stage = desktop.stage();
                model = desktop.model();
                // more room for the results and the frame below them than the first-run layout gives
                LiveDesktop.onFx(() -> {
                    ((SplitPane) stage.getScene().lookup("#videosSplit")).setDividerPositions(0.22);
                    return null;
                });
                LiveDesktop.onFx(() -> {
                    model.uploads().add(List.of(samples.resolve("videos/test_5.mp4"), lecture));
                    return null;
                });
                if (!waitFor(() -> LiveDesktop.onFxQuietly(() -> rows("test_5.mp4").size() >= 2 && rows("lecture.mp4").size() >= 4))) {
                    System.err.println("evidence screenshots: the results did not come within " + LIMIT.toSeconds() + " s");
                    return 1;
                }
                boolean frame = frameWithTheMostBoxes(out.resolve("desktop-frame.png"));
                boolean timeline = lectureTimeline(out.resolve("desktop-timeline.png"));
                return frame && timeline ? 0 : 1;
            } finally {
                if (stage != null) {
                    LiveDesktop.onFx(() -> {
                        stage.close();
                        return null;
                    });
                }
            }
        }
    }

    /**
     * Two and a half minutes: Trump; Mr Bean beside Vin Diesel and the boy; Floki; Morgan Freeman beside Trump.
     * (AttendanceScreenshot puts it in a week too.)
     */
    static Path lecture(Path videos, Path output) throws Exception {
        return new LectureMaker(new LectureMaker.Format(1280, 720, 25, 10)).make(List.of(
                new LectureMaker.Nobody(8),
                new LectureMaker.One(videos.resolve("test_0.mp4"), 25),
                new LectureMaker.Nobody(10),
                new LectureMaker.SideBySide(videos.resolve("test_2.mp4"), videos.resolve("test_5.mp4"), 35),
                new LectureMaker.One(videos.resolve("test_6.mp4"), 12),
                new LectureMaker.Nobody(15),
                new LectureMaker.SideBySide(videos.resolve("test_7.mp4"), videos.resolve("test_0.mp4"), 30),
                new LectureMaker.Nobody(15)), output);
    }

    /** The row whose frame outlines the most faces. */
    private boolean frameWithTheMostBoxes(Path file) throws Exception {
        ResultRow chosen = LiveDesktop.onFx(() -> {
            List<ResultRow> all = List.copyOf(model.results().rows());
            ResultRow best = all.stream().filter(row -> row.frame() != null)
                    .max(java.util.Comparator.comparingLong(row -> sharing(all, row))).orElseThrow();
            table().getSelectionModel().select(best);
            return best;
        });
        long boxes = LiveDesktop.onFx(() -> sharing(List.copyOf(model.results().rows()), chosen));
        boolean shown = waitFor(() -> LiveDesktop.onFxQuietly(() -> picture() != null && stage.getScene().getRoot()
                .lookupAll(".face-box").size() == boxes));
        return save(shown, chosen.video() + "'s frame of " + chosen.displayName() + " with " + boxes + " box(es)", file);
    }

    /** How many faces the row's frame outlines: whose best view it is, and who was seen in it. */
    private static long sharing(List<ResultRow> rows, ResultRow row) {
        return rows.stream().filter(other -> row.frame().equals(other.frame())
                || other.seenIn().stream().anyMatch(seen -> seen.frame().equals(row.frame()))).count();
    }

    private boolean lectureTimeline(Path file) throws Exception {
        LiveDesktop.onFx(() -> {
            table().getSelectionModel().select(rows("lecture.mp4").stream()
                    .filter(row -> "mr_bean".equals(row.name())).findFirst().orElse(rows("lecture.mp4").get(0)));
            return null;
        });
        waitFor(() -> LiveDesktop.onFxQuietly(() -> picture() != null));
        Thread.sleep(500);
        // the pointer over the timeline at a third of its width, as a mouse would put it there
        LiveDesktop.onFx(() -> {
            Node chart = stage.getScene().lookup("#timelineChart");
            // a mouse event's x and y are in the scene; the chart gets them in its own coordinates
            javafx.geometry.Point2D at = chart.localToScene(130 + (chart.getLayoutBounds().getWidth() - 130) * 0.4, 30);
            Event.fireEvent(chart, new MouseEvent(MouseEvent.MOUSE_MOVED, at.getX(), at.getY(), 0, 0, MouseButton.NONE,
                    0, false, false, false, false, false, false, false, false, false, false, null));
            return null;
        });
        boolean shown = waitFor(() -> LiveDesktop.onFxQuietly(() -> {
            Node preview = stage.getScene().lookup("#timelinePreview");
            return preview.isVisible() && ((ImageView) preview.lookup(".image-view")).getImage() != null;
        }));
        return save(shown, "the lecture's timeline with a thumbnail", file);
    }

    private boolean save(boolean shown, String what, Path file) throws Exception {
        Thread.sleep(700);   // the last paint
        if (!shown) {
            Path failed = file.resolveSibling(file.getFileName() + ".failed.png");
            WindowPng.save(stage, failed);
            System.err.println("evidence screenshots: " + what + " did not show (picture of the window: " + failed + ")");
            return false;
        }
        System.out.println("saved " + file + " (" + WindowPng.save(stage, file) + "): " + what);
        return true;
    }

    private TableView<ResultRow> table() {
        @SuppressWarnings("unchecked")
        TableView<ResultRow> table = (TableView<ResultRow>) stage.getScene().lookup("#resultsTable");
        return table;
    }

    private Object picture() {
        return ((ImageView) stage.getScene().lookup("#framePicture")).getImage();
    }

    private List<ResultRow> rows(String video) {
        return model.results().rows().stream().filter(row -> row.video().equals(video)).toList();
    }

    private static boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        return LiveDesktop.waitFor(LIMIT, condition);
    }
}
