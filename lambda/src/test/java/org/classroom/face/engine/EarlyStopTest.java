package org.classroom.face.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.classroom.common.model.FaceBox;
import org.classroom.face.match.Candidate;
import org.classroom.face.match.FaceObservation;
import org.classroom.face.match.FaceVerdict;
import org.classroom.face.match.MatchOutcome;
import org.classroom.face.match.MatchPolicy;
import org.junit.jupiter.api.Test;

class EarlyStopTest {

    private static final MatchPolicy POLICY = MatchPolicy.defaults();

    @Test
    void aClipWithNoFaceYetKeepsSampling() {
        assertThat(EarlyStop.settled(new MatchOutcome(List.of(), List.of()), POLICY, 0)).isFalse();
    }

    @Test
    void stopsWhenEveryFaceIsNamedWithAClearMargin() {
        assertThat(EarlyStop.settled(outcome(named(0.40, 0.70, 0)), POLICY, 0)).isTrue();
        assertThat(EarlyStop.settled(outcome(named(0.40, 0.70, 0), named(0.55, 0.60, 0)), POLICY, 0)).isFalse();
    }

    @Test
    void aFaceNearTheToleranceKeepsSamplingWhileInView() {
        FaceVerdict doubtful = unknown(0.58, 0.70, 0);
        assertThat(EarlyStop.settled(outcome(named(0.40, 0.70, 1), doubtful), POLICY, 0)).isFalse();
        // It has left the picture by the next frame: nothing more to learn about it.
        assertThat(EarlyStop.settled(outcome(named(0.40, 0.70, 1), doubtful), POLICY, 1)).isTrue();
    }

    @Test
    void aFaceFarFromEveryoneIsSettledAsUnknown() {
        assertThat(EarlyStop.settled(outcome(unknown(0.75, 0.80, 0)), POLICY, 0)).isTrue();
        assertThat(EarlyStop.settled(outcome(unknown(0.65, 0.80, 0)), POLICY, 0)).isFalse();
    }

    private static MatchOutcome outcome(FaceVerdict... faces) {
        return new MatchOutcome(List.of(), List.of(faces));
    }

    private static FaceVerdict named(double distance, double runnerUp, int lastFrame) {
        return new FaceVerdict("ada", "matched", new Candidate("ada", distance, "bob", runnerUp), observation(lastFrame),
                1, lastFrame);
    }

    private static FaceVerdict unknown(double distance, double runnerUp, int lastFrame) {
        return new FaceVerdict(null, "turned away", new Candidate("ada", distance, "bob", runnerUp),
                observation(lastFrame), 1, lastFrame);
    }

    private static FaceObservation observation(int frame) {
        return new FaceObservation(new double[128], new FaceBox(0, 0, 1, 1), frame, frame * 0.5, 0.9);
    }
}
