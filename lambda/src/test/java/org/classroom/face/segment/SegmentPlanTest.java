package org.classroom.face.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentPlanTest {

    private final SegmentPlan plan = new SegmentPlan(600, 10, 5);

    @Test
    void aRecordingUpToTheSegmentLengthIsOnePiece() {
        assertThat(plan.splits(600)).isFalse();
        assertThat(plan.split(600)).containsExactly(new Segment(0, 0, 600));
        assertThat(plan.splits(0)).as("unknown length").isFalse();
    }

    @Test
    void anHourIsSixEqualTenMinutePieces() {
        List<Segment> segments = plan.split(3600);
        assertThat(segments).hasSize(6);
        assertThat(segments).allSatisfy(segment -> assertThat(segment.seconds()).isEqualTo(600));
        assertCovers(segments, 3600);
    }

    @Test
    void piecesAreEvenAndAlignedSoTheLastIsNotATinyRemainder() {
        List<Segment> segments = plan.split(3661.3);
        assertThat(segments).hasSize(7);
        assertThat(segments).allSatisfy(segment -> assertThat(segment.fromSeconds() % 5).isZero());
        assertThat(segments.get(0).seconds()).isEqualTo(525);
        assertThat(segments.get(6).seconds()).isBetween(500.0, 525.0);
        assertCovers(segments, 3661.3);
    }

    @Test
    void beyondTheMostPiecesThePiecesGrow() {
        List<Segment> segments = plan.split(3 * 3600);
        assertThat(segments).hasSize(10);
        assertThat(segments.get(0).seconds()).isEqualTo(1080);
        assertCovers(segments, 3 * 3600);
    }

    @Test
    void justOverTheLengthIsTwoHalves() {
        List<Segment> segments = plan.split(601);
        assertThat(segments).extracting(Segment::seconds).containsExactly(305.0, 296.0);
    }

    @Test
    void segmentsTooShortToSampleAreRefused() {
        assertThatThrownBy(() -> new SegmentPlan(15, 10, 5)).hasMessageContaining("at least 20");
        assertThatThrownBy(() -> plan.split(0)).hasMessageContaining("unknown length");
    }

    private static void assertCovers(List<Segment> segments, double duration) {
        assertThat(segments.get(0).fromSeconds()).isZero();
        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).fromSeconds()).isEqualTo(segments.get(i - 1).toSeconds());
            assertThat(segments.get(i).index()).isEqualTo(i);
        }
        assertThat(segments.get(segments.size() - 1).toSeconds()).isEqualTo(duration);
    }
}
