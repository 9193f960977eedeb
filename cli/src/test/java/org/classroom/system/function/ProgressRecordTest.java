package org.classroom.system.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.classroom.common.config.SampleData;
import org.classroom.common.model.Progress;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.function.process.ResultLedger;
import org.classroom.function.process.VideoProgress;
import org.classroom.function.runtime.Retrier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code classroom process} shows while it waits: the progress an invocation records with each renewal of its
 * claim, read back from the results table (DynamoDB Local) only while the video is in hand.
 */
class ProgressRecordTest {

    private static FunctionCloud system;
    private static ResultLedger ledger;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(SampleData.find().isPresent(), SampleData.missingMessage());
        system = FunctionCloud.start(SampleData.find().orElseThrow());
        ledger = new ResultLedger(system.dynamoDb, system.config.resultsTable(), Duration.ofSeconds(20),
                Clock.systemUTC(), new Retrier(2, Duration.ofMillis(10)));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aRenewalRecordsHowFarTheWorkIsUntilTheResultIsStoredAndANewVersionStartsAfresh() {
        ResultLedger.Claim claim = ledger.claim("lecture.mp4", "v1", null);
        assertThat(system.results.progress("lecture.mp4")).as("nothing said yet").isEmpty();

        VideoProgress progress = new VideoProgress();
        progress.split(6);
        progress.segmentDone(false);
        progress.segmentDone(false);
        progress.segmentDone(false);
        assertThat(ledger.renew(claim, progress.current())).isTrue();
        assertThat(system.results.progress("lecture.mp4")).contains(new Progress(0.5, 3, 6));
        assertThat(system.results.progress("lecture.mp4").orElseThrow().describe())
                .isEqualTo("50%, 3 of 6 segments done");

        assertThat(ledger.store(claim, VideoResult.failure("lecture.mp4", ResultStatus.INVALID_VIDEO, "not a video", "v1")))
                .isTrue();
        assertThat(system.results.progress("lecture.mp4")).as("done: no longer in hand").isEmpty();

        ResultLedger.Claim next = ledger.claim("lecture.mp4", "v2", null);
        assertThat(system.results.progress("lecture.mp4")).as("a new version's claim").isEmpty();
        VideoProgress whole = new VideoProgress();
        whole.reached(0.25);
        ledger.renew(next, whole.current());
        assertThat(system.results.progress("lecture.mp4")).contains(new Progress(0.25, 0, 0));
        assertThat(ledger.renew(next, Optional.empty())).as("a renewal without news keeps the last").isTrue();
        assertThat(system.results.progress("lecture.mp4")).contains(new Progress(0.25, 0, 0));
    }
}
