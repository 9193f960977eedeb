package org.classroom.desktop.viewmodel;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.collections.ObservableList;
import org.classroom.desktop.logic.evidence.EvidenceReader;
import org.classroom.desktop.model.ResultRow;

/**
 * What the selected results row shows beside the table: the frame of that person's best view and the timeline
 * of their video. Both are drawn from all rows of that video, so that they follow the table.
 */
public final class SelectionViewModel {

    private final ObservableList<ResultRow> rows;
    private final FramePictures pictures;
    private final Filmstrips filmstrips;
    private final FrameViewModel frame;
    private final TimelineViewModel timeline;

    SelectionViewModel(Executor ui, Executor background, ObservableList<ResultRow> rows) {
        this.rows = rows;
        this.pictures = new FramePictures(background);
        this.filmstrips = new Filmstrips(background);
        this.frame = new FrameViewModel(pictures, ui);
        this.timeline = new TimelineViewModel(filmstrips, ui);
    }

    /** Reads frames and filmstrips from this bucket from now on. */
    void attach(EvidenceReader reader) {
        pictures.attach(reader);
        filmstrips.attach(reader);
    }

    /** A row was selected (null: none). UI thread. */
    public void select(ResultRow row) {
        List<ResultRow> videoRows = row == null ? List.of()
                : rows.stream().filter(other -> other.video().equals(row.video())).toList();
        frame.show(row, videoRows);
        timeline.show(row, videoRows);
    }

    public FrameViewModel frame() {
        return frame;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }
}
