package org.classroom.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.FaceBox;
import org.classroom.common.model.FrameBox;
import org.classroom.desktop.model.ResultRow;
import org.classroom.desktop.testing.MemoryEvidence;
import org.junit.jupiter.api.Test;

/** Which faces a frame marks and what it says; the bucket here holds no frame, so nothing decodes. */
class FrameViewModelTest {

    private static final String SHARED = "frames/l.mp4/e/1500-1280x720.jpg";
    private static final String OTHER = "frames/l.mp4/e/9000-1280x720.jpg";

    private final ResultRow ada = person("ada", null, new FaceBox(100, 50, 80, 80), 1.5, SHARED, new Appearance(0, 20));
    private final ResultRow boy = person(null, 1, new FaceBox(600, 60, 70, 70), 1.5, SHARED, new Appearance(1, 3));
    private final ResultRow bob = person("bob", null, new FaceBox(300, 40, 90, 90), 9.0, OTHER, new Appearance(1, 12));
    private final ResultRow late = person("cy", null, new FaceBox(10, 10, 40, 40), 30.0, "frames/l.mp4/e/30000-1280x720.jpg",
            new Appearance(25, 35));
    private final List<ResultRow> video = List.of(ada, bob, late, boy);

    @Test
    void everyoneWhoseBestViewIsTheFrameIsMarkedTheSelectedRowFirst() {
        List<FrameMark> marks = FrameViewModel.marksOf(boy, video);

        assertThat(marks).containsExactly(
                new FrameMark("Unknown person 1", true, true, boy.box()),
                new FrameMark("ada", false, false, ada.box()));
    }

    @Test
    void someoneTheFunctionSawInAnothersFrameIsMarkedThereWithTheBoxOfThatFrame() {
        FaceBox bobAtOnePointFive = new FaceBox(300, 45, 85, 85);
        ResultRow seenBob = new ResultRow("l.mp4", "recognised", "bob", null, null, null, null, null, null, null, null,
                bob.box(), 9.0, bob.appearances(), OTHER, List.of(new FrameBox(SHARED, bobAtOnePointFive)));
        List<ResultRow> rows = List.of(ada, seenBob, late, boy);

        assertThat(FrameViewModel.marksOf(ada, rows)).containsExactly(
                new FrameMark("ada", false, true, ada.box()),
                new FrameMark("bob", false, false, bobAtOnePointFive),
                new FrameMark("Unknown person 1", true, false, boy.box()));
        assertThat(FrameViewModel.alsoOnScreen(ada, rows)).isEmpty();
        assertThat(FrameViewModel.marksOf(seenBob, rows)).containsExactly(new FrameMark("bob", false, true, bob.box()));
    }

    @Test
    void othersOnScreenAtThatTimeAreNamedButNotMarkedThoseOffScreenNeither() {
        assertThat(FrameViewModel.alsoOnScreen(ada, video)).containsExactly("bob");
        assertThat(FrameViewModel.alsoOnScreen(bob, video)).containsExactly("ada");
        assertThat(FrameViewModel.alsoOnScreen(late, video)).isEmpty();
    }

    @Test
    void aRowWithoutAFrameOrAFrameGoneFromTheBucketSaysSo() {
        FramePictures pictures = new FramePictures(Runnable::run);
        MemoryEvidence bucket = new MemoryEvidence();
        pictures.attach(bucket);
        FrameViewModel model = new FrameViewModel(pictures, Runnable::run);
        assertThat(model.messageProperty().get()).isEqualTo(FrameViewModel.NOTHING_SELECTED);

        model.show(person("old", null, null, null, null), List.of());
        assertThat(model.messageProperty().get()).isEqualTo(FrameViewModel.NO_FRAME);
        assertThat(model.marks()).isEmpty();

        model.show(ada, video);
        assertThat(model.messageProperty().get()).isEqualTo(FrameViewModel.GONE);
        assertThat(model.pictureProperty().get()).isNull();
        assertThat(model.marks()).hasSize(2);
        assertThat(model.captionProperty().get()).isEqualTo("l.mp4 at 0:01.5 · also on screen: bob");
        assertThat(bucket.reads()).isEqualTo(1);

        model.show(boy, video);   // the same frame: not read again
        assertThat(bucket.reads()).isEqualTo(1);

        model.show(null, List.of());
        assertThat(model.messageProperty().get()).isEqualTo(FrameViewModel.NOTHING_SELECTED);
        assertThat(model.captionProperty().get()).isEmpty();
    }

    static ResultRow person(String name, Integer unknownNumber, FaceBox box, Double seconds, String frame,
                            Appearance... appearances) {
        return new ResultRow("l.mp4", "recognised", name, null, null, null, null, null, null, null, unknownNumber, box,
                seconds, List.of(appearances), frame);
    }
}
