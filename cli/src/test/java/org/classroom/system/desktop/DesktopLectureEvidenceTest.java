package org.classroom.system.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.testing.ScriptedDialogs;
import org.classroom.face.video.LectureMaker;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16's frame view and timeline against the real local system under the stack's policies: a lecture made
 * from the course clips (Trump alone, then Mr Bean beside Vin Diesel and the boy, then Floki) is dropped on the
 * window; selecting a row shows the frame the function kept with a box per face in it, read with the desktop's key,
 * and the timeline shows each person's appearances and, under the pointer, a thumbnail of the function's
 * filmstrip.
 */
class DesktopLectureEvidenceTest extends RealDesktopTest {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    DesktopLectureEvidenceTest() {
        super("desktop-lecture-test", true,
                work -> new ScriptedDialogs(work.resolve("export.csv"), work.resolve("face.jpg")));
    }

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Override
    protected void size(Stage stage) {
        stage.setWidth(1280);
        stage.setHeight(860);
    }

    @Test
    void aLecturesRowShowsItsFrameWithBoxesAndItsTimelineShowsAppearancesAndTheFrameAtThePointer(FxRobot robot)
            throws Exception {
        Path videos = samples.resolve("videos");
        Path lecture = new LectureMaker(new LectureMaker.Format(1280, 720, 25, 5)).make(List.of(
                new LectureMaker.Nobody(5),
                new LectureMaker.One(videos.resolve("test_0.mp4"), 15),
                new LectureMaker.Nobody(10),
                new LectureMaker.SideBySide(videos.resolve("test_2.mp4"), videos.resolve("test_5.mp4"), 20),
                new LectureMaker.Nobody(10),
                new LectureMaker.One(videos.resolve("test_6.mp4"), 10)), work.resolve("lecture.mp4"));
        waitFor("the relay connection", () -> robot.lookup("#connectionIndicator").queryLabeled().getText()
                .contains("Relay connected"));

        robot.interact(() -> model.uploads().add(List.of(lecture)));

        TableView<ResultRow> table = robot.lookup("#resultsTable").queryTableView();
        waitFor("the lecture's rows", () -> table.getItems().stream().filter(row -> row.video().equals("lecture.mp4"))
                .map(ResultRow::name).toList().containsAll(List.of("president_trump", "mr_bean", "vin_diesel", "floki")));
        List<ResultRow> rows = table.getItems().stream().filter(row -> row.video().equals("lecture.mp4")).toList();
        assertThat(rows).allSatisfy(row -> assertThat(row.frame()).startsWith("frames/lecture.mp4/"));
        ResultRow bean = rows.stream().filter(row -> "mr_bean".equals(row.name())).findFirst().orElseThrow();
        // everyone in Mr Bean's frame: whose best view it is, or whom the function saw there (Vin Diesel beside him)
        long sharing = rows.stream().filter(row -> bean.frame().equals(row.frame())
                || row.seenIn().stream().anyMatch(seen -> seen.frame().equals(bean.frame()))).count();
        assertThat(sharing).as("Mr Bean and Vin Diesel side by side").isGreaterThanOrEqualTo(2);

        robot.interact(() -> table.getSelectionModel().select(bean));

        waitFor("Mr Bean's frame", () -> robot.lookup("#framePicture").queryAs(ImageView.class).getImage() != null
                && robot.lookup(".face-box").queryAll().size() == sharing);
        ImageView picture = robot.lookup("#framePicture").queryAs(ImageView.class);
        assertThat(Math.max(picture.getImage().getWidth(), picture.getImage().getHeight())).isEqualTo(640);
        assertThat(robot.lookup(".face-label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("mr_bean", "vin_diesel");
        assertThat(robot.lookup("#frameCaption").queryLabeled().getText()).startsWith("lecture.mp4 at 0:");

        // the timeline: a lane per person and at least a bar each; Trump (0:05-0:20) is left of Floki (0:50-1:00)
        assertThat(robot.lookup(".timeline-name").queryAllAs(Label.class)).extracting(Label::getText)
                .containsAll(List.of("president_trump", "mr_bean", "vin_diesel", "floki"));
        assertThat(robot.lookup(".appearance-bar").queryAll().size()).isGreaterThanOrEqualTo(rows.size());
        String wholeRange = robot.lookup("#timelineRange").queryLabeled().getText();
        robot.clickOn("#zoomIn");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#timelineRange").queryLabeled().getText()).isNotEqualTo(wholeRange).endsWith("(2×)");
        robot.clickOn("#zoomOut");

        Node chart = robot.lookup("#timelineChart").query();
        Bounds bounds = chart.localToScreen(chart.getBoundsInLocal());
        double names = 130;
        robot.moveTo(new Point2D(bounds.getMinX() + names + 0.2 * (bounds.getWidth() - names), bounds.getMinY() + 8));
        waitFor("a thumbnail of the filmstrip", () -> robot.lookup("#timelinePreview").query().isVisible()
                && robot.lookup("#timelinePreview .image-view").queryAs(ImageView.class).getImage() != null);
        assertThat(robot.lookup("#timelinePreview .image-view").queryAs(ImageView.class).getImage().getWidth())
                .isEqualTo(160);
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        RealDesktop.waitFor(what, LIMIT, condition);
    }
}
