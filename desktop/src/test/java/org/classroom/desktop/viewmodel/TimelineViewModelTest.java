package org.classroom.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.classroom.desktop.viewmodel.FrameViewModelTest.person;

import java.util.List;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.FaceBox;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.testing.MemoryEvidence;
import org.junit.jupiter.api.Test;

class TimelineViewModelTest {

    private static final FaceBox BOX = new FaceBox(1, 1, 10, 10);
    private static final String FRAME = "frames/l.mp4/e/5000-1280x720.jpg";

    private final MemoryEvidence bucket = new MemoryEvidence();
    private final TimelineViewModel model = timeline(bucket);

    private final ResultRow ada = person("ada", null, BOX, 5.0, FRAME, new Appearance(0, 60), new Appearance(300, 400));
    private final ResultRow stranger = person(null, 1, BOX, 500.0, null, new Appearance(450, 600));

    @Test
    void aLanePerPersonWithTheirAppearancesOverTheWholeVideo() {
        model.show(ada, List.of(ada, stranger));

        assertThat(model.lanes()).containsExactly(
                new TimelineLane("ada", false, List.of(new Appearance(0, 60), new Appearance(300, 400))),
                new TimelineLane("Unknown person 1", true, List.of(new Appearance(450, 600))));
        assertThat(model.lengthProperty().get()).isEqualTo(600);
        assertThat(model.visibleLength()).isEqualTo(600);
        assertThat(model.videoProperty().get()).isEqualTo("l.mp4");
    }

    @Test
    void theTimelineSpansTheWholeVideoWhenTheResultSaysHowLongItIs() {
        ResultRow adaOfAnHour = withVideoSeconds(ada, 3600.0);
        model.show(adaOfAnHour, List.of(adaOfAnHour, withVideoSeconds(stranger, 3600.0)));

        assertThat(model.lengthProperty().get()).as("nobody in the last 50 minutes, still on the axis").isEqualTo(3600);
    }

    private static ResultRow withVideoSeconds(ResultRow row, double seconds) {
        return new ResultRow(row.video(), row.status(), row.name(), row.id(), row.major(), row.year(), row.distance(),
                row.reason(), row.uploadToResult(), row.crop(), row.unknownNumber(), row.box(), row.frameSeconds(),
                row.appearances(), row.frame(), row.seenIn(), seconds);
    }

    @Test
    void zoomingNarrowsTheWindowAroundTheAnchorAndStaysInsideTheVideo() {
        model.show(ada, List.of(ada, stranger));

        model.zoomIn();
        assertThat(model.visibleLength()).isEqualTo(300);
        assertThat(model.startProperty().get()).isEqualTo(150, within(1e-9));

        model.zoomAround(2, 375);   // the pointer at 375 s, three quarters across the window: it stays there
        assertThat(model.visibleLength()).isEqualTo(150);
        assertThat((375 - model.startProperty().get()) / model.visibleLength()).isEqualTo(0.75, within(1e-9));

        model.scrollTo(10_000);
        assertThat(model.startProperty().get()).isEqualTo(450);
        model.zoomProperty().set(1000);
        assertThat(model.zoomProperty().get()).isEqualTo(TimelineViewModel.MAX_ZOOM);
        model.zoomOut();
        model.zoomProperty().set(0.1);
        assertThat(model.zoomProperty().get()).isEqualTo(1);
        assertThat(model.startProperty().get()).isZero();
    }

    @Test
    void anotherVideoStartsWideAgainButAnUpdateOfTheSameKeepsTheZoom() {
        model.show(ada, List.of(ada, stranger));
        model.zoomIn();
        model.show(stranger, List.of(ada, stranger));
        assertThat(model.zoomProperty().get()).isEqualTo(2);

        ResultRow other = new ResultRow("m.mp4", "recognised", "bob", null, null, null, null, null, null, null, null, BOX,
                1.0, List.of(new Appearance(0, 2)), null);
        model.show(other, List.of(other));
        assertThat(model.zoomProperty().get()).isEqualTo(1);
        assertThat(model.lanes()).extracting(TimelineLane::label).containsExactly("bob");
    }

    @Test
    void hoveringReadsTheStripBesideTheVideosFramesOnceAndShowsNothingWithoutOne() {
        model.show(ada, List.of(ada, stranger));

        model.hover(30);
        model.hover(31);

        assertThat(model.previewProperty().get()).isNull();
        // the index beside the frame, read once; with no index, the thumbnails are not asked for
        assertThat(bucket.reads()).isEqualTo(1);
    }

    private static TimelineViewModel timeline(MemoryEvidence bucket) {
        Filmstrips filmstrips = new Filmstrips(Runnable::run);
        filmstrips.attach(bucket);
        return new TimelineViewModel(filmstrips, Runnable::run);
    }
}
