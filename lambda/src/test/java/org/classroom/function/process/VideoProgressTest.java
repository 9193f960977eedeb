package org.classroom.function.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.classroom.common.model.Progress;
import org.junit.jupiter.api.Test;

class VideoProgressTest {

    private final VideoProgress progress = new VideoProgress();

    @Test
    void nothingIsSaidUntilTheWorkSaysSomething() {
        assertThat(progress.current()).isEmpty();
        progress.reached(0.42);
        assertThat(progress.current()).contains(new Progress(0.42, 0, 0));
    }

    @Test
    void aSplitRecordingCountsTheSegmentDoneHereForEachOneRunningElsewhereAndNeverGoesBackwards() {
        progress.split(6);
        assertThat(progress.current()).contains(new Progress(0, 0, 6));
        // One segment here, one elsewhere at the same time (four throttled, to be done here afterwards).
        progress.startedElsewhere();
        progress.ownSegment(0.5);
        assertThat(progress.current()).contains(new Progress(1.0 / 6, 0, 6));
        progress.segmentDone(true);
        progress.endedElsewhere();
        progress.segmentDone(false);
        assertThat(progress.current()).as("two done, the next here not begun").contains(new Progress(2.0 / 6, 2, 6));
        progress.ownSegment(0.5);
        assertThat(progress.current()).contains(new Progress(2.5 / 6, 2, 6));
        for (int i = 0; i < 5; i++) {
            progress.segmentDone(true);
        }
        assertThat(progress.current()).as("never more done than there are").contains(new Progress(1.0, 6, 6));
    }

    @Test
    void whatIsReportedNeverGoesBackwards() {
        progress.split(2);
        progress.startedElsewhere();
        progress.ownSegment(0.8);
        assertThat(progress.current().orElseThrow().fraction()).isEqualTo(0.8);
        // The other invocation failed: its segment is tried again, the estimate drops, the report does not.
        progress.endedElsewhere();
        assertThat(progress.current().orElseThrow().fraction()).isEqualTo(0.8);
    }
}
