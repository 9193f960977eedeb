package org.classroom.desktop.gui;

import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.classroom.common.model.Appearance;
import org.classroom.desktop.viewmodel.Filmstrips.StripFrame;
import org.classroom.desktop.viewmodel.TimeText;
import org.classroom.desktop.viewmodel.TimelineLane;
import org.classroom.desktop.viewmodel.TimelineViewModel;

/**
 * The lanes and bars of a timeline, laid out for the visible window of the video, with a time axis, the pointer's
 * time as a line and the filmstrip's frame near the pointer. Bars are rebuilt on each layout: a video has tens of
 * people and appearances, not thousands.
 */
final class TimelineChart extends Pane {

    static final double NAMES_WIDTH = 130;
    static final double LANE_HEIGHT = 24;
    private static final double AXIS_HEIGHT = 18;
    private static final double[] TICK_SECONDS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600};

    private final TimelineViewModel model;
    private final Pane bars = new Pane();
    private final Line cursor = new Line();
    private final ImageView previewImage = new ImageView();
    private final Label previewTime = new Label();
    final VBox preview = new VBox(2, previewImage, previewTime);
    private double pointerX = -1;

    TimelineChart(TimelineViewModel model) {
        this.model = model;
        setId("timelineChart");
        getStyleClass().add("timeline-chart");
        setMinSize(0, 0);
        setPrefHeight(3 * LANE_HEIGHT + AXIS_HEIGHT);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        bars.setManaged(false);
        cursor.setManaged(false);
        cursor.getStyleClass().add("timeline-cursor");
        cursor.setVisible(false);
        cursor.setMouseTransparent(true);
        preview.setId("timelinePreview");
        preview.getStyleClass().add("timeline-preview");
        preview.setManaged(false);
        preview.setMouseTransparent(true);
        preview.setVisible(false);
        previewImage.setPreserveRatio(true);
        previewImage.setFitWidth(160);
        getChildren().addAll(bars, cursor, preview);

        model.previewProperty().addListener((o, old, frame) -> showPreview(frame));
        addEventHandler(MouseEvent.MOUSE_MOVED, event -> pointAt(event.getX()));
        addEventHandler(MouseEvent.MOUSE_EXITED, event -> {
            pointerX = -1;
            cursor.setVisible(false);
            model.hoverEnded();
        });
        addEventHandler(ScrollEvent.SCROLL, event -> {
            if (event.getDeltaY() != 0 && event.getX() >= NAMES_WIDTH) {
                double factor = event.getDeltaY() > 0 ? TimelineViewModel.ZOOM_STEP : 1 / TimelineViewModel.ZOOM_STEP;
                model.zoomAround(factor, timeAt(event.getX()));
                event.consume();
            }
        });
    }

    /** The video time under x (within the bars area). */
    double timeAt(double x) {
        double width = Math.max(1, getWidth() - NAMES_WIDTH);
        double fraction = Math.max(0, Math.min(1, (x - NAMES_WIDTH) / width));
        return model.startProperty().get() + fraction * model.visibleLength();
    }

    /** Where a time is, in x; may lie outside the visible window. */
    double xOf(double seconds) {
        double width = Math.max(1, getWidth() - NAMES_WIDTH);
        return NAMES_WIDTH + (seconds - model.startProperty().get()) / model.visibleLength() * width;
    }

    private void pointAt(double x) {
        if (x < NAMES_WIDTH || model.lanes().isEmpty()) {
            cursor.setVisible(false);
            return;
        }
        pointerX = x;
        cursor.setStartX(x);
        cursor.setEndX(x);
        cursor.setStartY(0);
        cursor.setEndY(getHeight());
        cursor.setVisible(true);
        model.hover(timeAt(x));
        placePreview();
    }

    private void showPreview(StripFrame frame) {
        preview.setVisible(frame != null && pointerX >= 0);
        previewImage.setImage(frame == null ? null : frame.image());
        previewTime.setText(frame == null ? "" : TimeText.of(frame.seconds()));
        placePreview();
    }

    private void placePreview() {
        preview.autosize();
        double x = pointerX + 12;
        if (x + preview.getWidth() > getWidth()) {
            x = pointerX - 12 - preview.getWidth();
        }
        preview.relocate(Math.max(NAMES_WIDTH, x), 2);
    }

    @Override
    protected void layoutChildren() {
        bars.getChildren().clear();
        bars.resizeRelocate(0, 0, getWidth(), getHeight());
        double start = model.startProperty().get();
        double end = start + model.visibleLength();
        int lane = 0;
        for (TimelineLane person : model.lanes()) {
            double y = lane * LANE_HEIGHT;
            Rectangle band = new Rectangle(0, y, getWidth(), LANE_HEIGHT);
            band.getStyleClass().add(lane % 2 == 0 ? "timeline-lane-even" : "timeline-lane-odd");
            Label name = new Label(person.label());
            name.getStyleClass().add("timeline-name");
            if (person.unknown()) {
                name.getStyleClass().add("unknown-person");
            }
            name.resizeRelocate(4, y, NAMES_WIDTH - 8, LANE_HEIGHT);
            bars.getChildren().addAll(band, name);
            for (Appearance appearance : person.appearances()) {
                if (appearance.to() < start || appearance.from() > end) {
                    continue;   // outside the window
                }
                double left = Math.max(NAMES_WIDTH, xOf(appearance.from()));
                double right = Math.min(getWidth(), xOf(appearance.to()));
                Rectangle bar = new Rectangle(left, y + 5, Math.max(3, right - left), LANE_HEIGHT - 10);
                bar.getStyleClass().addAll("appearance-bar", person.unknown() ? "appearance-unknown" : "appearance-known");
                bars.getChildren().add(bar);
            }
            lane++;
        }
        addAxis(lane * LANE_HEIGHT, start, end);
        cursor.setEndY(getHeight());
        if (pointerX >= 0) {
            placePreview();
        }
    }

    private void addAxis(double y, double start, double end) {
        double width = getWidth() - NAMES_WIDTH;
        double tick = TICK_SECONDS[TICK_SECONDS.length - 1];
        for (double candidate : TICK_SECONDS) {
            if (width / ((end - start) / candidate) >= 70) {   // at least 70 px between labels
                tick = candidate;
                break;
            }
        }
        for (double t = Math.ceil(start / tick) * tick; t <= end; t += tick) {
            double x = xOf(t);
            Line mark = new Line(x, y, x, y + 4);
            mark.getStyleClass().add("timeline-tick");
            Text label = new Text(x + 2, y + 4, TimeText.of(t));
            label.setTextOrigin(VPos.TOP);
            label.getStyleClass().add("timeline-tick-label");
            bars.getChildren().addAll(mark, label);
        }
    }
}
