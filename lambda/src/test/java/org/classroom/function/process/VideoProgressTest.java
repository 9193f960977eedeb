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
    void aSplitRecordingGoesByTheSegmentDoneHereAndBySegmentsDoneNeverBackwards() {
        progress.split(6);
        assertThat(progress.current()).contains(new Progress(0, 0, 6));
        progress.ownSegment(0.3);
        assertThat(progress.current()).contains(new Progress(0.3, 0, 6));
        // A throttled segment done here afterwards starts from 0 again.
        progress.ownSegment(0.1);
        assertThat(progress.current()).contains(new Progress(0.3, 0, 6));
        for (int i = 0; i < 7; i++) {
            progress.segmentDone();
        }
        assertThat(progress.current()).as("never more done than there are").contains(new Progress(1.0, 6, 6));
    }
}
