package org.classroom.desktop.gui;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.classroom.desktop.viewmodel.TimeText;
import org.classroom.desktop.viewmodel.TimelineLane;
import org.classroom.desktop.viewmodel.TimelineViewModel;

/**
 * The selected video's timeline: a lane per person with a bar for each appearance, zoomed with the mouse wheel
 * (around the pointer), the − and + buttons or the slider, panned with the scroll bar; hovering shows the
 * filmstrip's frame nearest the pointer's time.
 */
final class TimelineView extends VBox {

    final Button zoomOut = new Button("−");
    final Button zoomIn = new Button("+");
    final Slider zoom = new Slider(1, TimelineViewModel.MAX_ZOOM, 1);
    final TimelineChart chart;
    final ScrollBar pan = new ScrollBar();

    TimelineView(TimelineViewModel model) {
        setId("timelineView");
        getStyleClass().add("timeline-view");
        setSpacing(4);
        setMinSize(0, 0);
        Label title = new Label();
        title.getStyleClass().add("frame-caption");
        title.textProperty().bind(model.videoProperty().map(video -> video.isEmpty() ? "Timeline" : "Timeline · " + video));
        Label range = new Label();
        range.setId("timelineRange");
        range.getStyleClass().add("muted");
        zoomOut.setId("zoomOut");
        zoomOut.setTooltip(new Tooltip("Show more of the video (or turn the mouse wheel over the timeline)"));
        zoomOut.setOnAction(event -> model.zoomOut());
        zoomIn.setId("zoomIn");
        zoomIn.setTooltip(new Tooltip("Show less of the video, in more detail"));
        zoomIn.setOnAction(event -> model.zoomIn());
        zoom.setId("zoomSlider");
        zoom.setPrefWidth(110);
        zoom.valueProperty().bindBidirectional(model.zoomProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // the title on a line of its own: beside the table the timeline is narrow
        HBox bar = new HBox(6, range, spacer, zoomOut, zoom, zoomIn);
        bar.setAlignment(Pos.CENTER_LEFT);

        chart = new TimelineChart(model);
        VBox.setVgrow(chart, Priority.ALWAYS);
        pan.setId("timelinePan");
        pan.setOrientation(Orientation.HORIZONTAL);
        pan.setMin(0);
        pan.valueProperty().addListener((o, old, now) -> model.scrollTo(now.doubleValue()));
        getChildren().addAll(title, bar, chart, pan);

        Runnable refresh = () -> {
            double visible = model.visibleLength();
            double length = model.lengthProperty().get();
            pan.setMax(Math.max(0, length - visible));
            pan.setVisibleAmount(visible);
            pan.setValue(model.startProperty().get());
            pan.setDisable(visible >= length);
            boolean none = model.lanes().isEmpty();
            range.setText(none ? "Select a row."
                    : String.format(Locale.ROOT, "%s–%s of %s (%.0f×)", TimeText.of(model.startProperty().get()),
                    TimeText.of(model.startProperty().get() + visible), TimeText.of(length), model.zoomProperty().get()));
            zoomIn.setDisable(none);
            zoomOut.setDisable(none);
            zoom.setDisable(none);
            chart.requestLayout();
        };
        model.zoomProperty().addListener((o, old, now) -> refresh.run());
        model.startProperty().addListener((o, old, now) -> refresh.run());
        model.lengthProperty().addListener((o, old, now) -> refresh.run());
        model.lanes().addListener((ListChangeListener<TimelineLane>) change -> refresh.run());
        refresh.run();
    }
}
