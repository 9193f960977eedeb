package org.classroom.desktop.viewmodel;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.classroom.common.format.EvidenceKeys;
import org.classroom.common.model.Appearance;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.viewmodel.Filmstrips.StripFrame;

/**
 * The timeline of the selected row's video: a lane per person with their appearances, a visible window that
 * zooms (1× shows the whole video, up to {@value #MAX_ZOOM}×) and pans, and the filmstrip's frame nearest the
 * time under the pointer, read off the UI thread. UI thread.
 */
public final class TimelineViewModel {

    public static final double MAX_ZOOM = 64;
    /** One step of the buttons and of the mouse wheel. */
    public static final double ZOOM_STEP = 2;

    private final Filmstrips filmstrips;
    private final Executor ui;
    private final ObservableList<TimelineLane> lanes = FXCollections.observableArrayList();
    private final StringProperty video = new SimpleStringProperty("");
    private final DoubleProperty length = new SimpleDoubleProperty(0);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final DoubleProperty start = new SimpleDoubleProperty(0);
    private final ObjectProperty<StripFrame> preview = new SimpleObjectProperty<>();
    private final AtomicLong hovers = new AtomicLong();
    private String filmstripKey;

    TimelineViewModel(Filmstrips filmstrips, Executor ui) {
        this.filmstrips = filmstrips;
        this.ui = ui;
        // the slider zooms about the middle of the window; zoomAround then moves the window to its anchor
        zoom.addListener((o, old, now) -> {
            double clamped = Math.max(1, Math.min(MAX_ZOOM, now.doubleValue()));
            if (clamped != now.doubleValue()) {
                zoom.set(clamped);
            } else {
                double middle = start.get() + length.get() / old.doubleValue() / 2;
                start.set(clampStart(middle - visibleLength() / 2));
            }
        });
    }

    /** Shows the timeline of the video of {@code selected} (null: none), from its rows. */
    void show(ResultRow selected, List<ResultRow> videoRows) {
        String newVideo = selected == null ? "" : selected.video();
        List<TimelineLane> newLanes = selected == null ? List.of() : videoRows.stream()
                .filter(row -> row.displayName() != null)
                .map(row -> new TimelineLane(row.displayName(), row.unknown(), row.appearances()))
                .toList();
        boolean sameVideo = newVideo.equals(video.get());
        lanes.setAll(newLanes);
        video.set(newVideo);
        filmstripKey = videoRows.stream().map(ResultRow::frame).map(EvidenceKeys::filmstripIndexBeside)
                .flatMap(Optional::stream).findFirst().orElse(null);
        length.set(lengthOf(videoRows));
        if (!sameVideo) {
            zoom.set(1);
            start.set(0);
            preview.set(null);
        }
    }

    /**
     * The video's length as far as the result tells: its duration (a stretch with nobody at the end included), or
     * for a result that does not say, the end of the last appearance or best view.
     */
    static double lengthOf(List<ResultRow> rows) {
        double end = 0;
        for (ResultRow row : rows) {
            if (row.videoSeconds() != null) {
                end = Math.max(end, row.videoSeconds());
            }
            for (Appearance appearance : row.appearances()) {
                end = Math.max(end, appearance.to());
            }
            if (row.frameSeconds() != null) {
                end = Math.max(end, row.frameSeconds());
            }
        }
        return Math.max(end, 1);
    }

    public void zoomIn() {
        zoomAround(ZOOM_STEP, start.get() + visibleLength() / 2);
    }

    public void zoomOut() {
        zoomAround(1 / ZOOM_STEP, start.get() + visibleLength() / 2);
    }

    /** Zooms by {@code factor}, keeping the time {@code anchor} where it is on screen (the wheel's pointer). */
    public void zoomAround(double factor, double anchor) {
        double visibleBefore = visibleLength();
        double fraction = visibleBefore <= 0 ? 0.5 : (anchor - start.get()) / visibleBefore;
        zoom.set(zoom.get() * factor);
        start.set(clampStart(anchor - fraction * visibleLength()));
    }

    /** Pans so that the window starts at {@code seconds} (kept inside the video). */
    public void scrollTo(double seconds) {
        start.set(clampStart(seconds));
    }

    /** The pointer is over {@code seconds}: shows the filmstrip's nearest frame once it is read. */
    public void hover(double seconds) {
        long hover = hovers.incrementAndGet();
        filmstrips.nearest(filmstripKey, seconds).thenAcceptAsync(frame -> {
            if (hover == hovers.get()) {   // the pointer has not moved on since
                preview.set(frame.orElse(null));
            }
        }, ui);
    }

    public void hoverEnded() {
        hovers.incrementAndGet();
        preview.set(null);
    }

    private double clampStart(double seconds) {
        return Math.max(0, Math.min(seconds, length.get() - visibleLength()));
    }

    public double visibleLength() {
        return length.get() / zoom.get();
    }

    public ObservableList<TimelineLane> lanes() {
        return FXCollections.unmodifiableObservableList(lanes);
    }

    public ReadOnlyStringProperty videoProperty() {
        return video;
    }

    public ReadOnlyDoubleProperty lengthProperty() {
        return length;
    }

    /** 1 shows the whole video; the view binds its slider here. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** The first second the window shows. */
    public ReadOnlyDoubleProperty startProperty() {
        return start;
    }

    /** The filmstrip's frame nearest the pointer; null when the pointer is elsewhere or there is no strip. */
    public ReadOnlyObjectProperty<StripFrame> previewProperty() {
        return preview;
    }
}
