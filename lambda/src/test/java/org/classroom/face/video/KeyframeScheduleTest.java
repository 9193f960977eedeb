package org.classroom.face.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyframeScheduleTest {

    @Test
    void keyFramesFurtherApartThanTheSpacingGetFramesBetweenThem() {
        assertThat(KeyframeSchedule.plan(List.of(0.0, 10.0, 20.0), 30, 5))
                .containsExactly(0.0, 5.0, 10.0, 15.0, 20.0, 25.0);
        assertThat(KeyframeSchedule.plan(List.of(0.0, 12.0), 14, 5)).containsExactly(0.0, 4.0, 8.0, 12.0);
    }

    @Test
    void denseKeyFramesAreThinnedToTheSpacing() {
        List<Double> everySecond = java.util.stream.IntStream.range(0, 60).mapToObj(i -> (double) i).toList();
        assertThat(KeyframeSchedule.plan(everySecond, 60, 5))
                .containsExactly(0.0, 5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 35.0, 40.0, 45.0, 50.0, 55.0);
    }

    @Test
    void withoutAnIndexTheSamplesAreAnEvenGridThatReachesTheEnd() {
        List<Double> plan = KeyframeSchedule.plan(List.of(), 23, 5);
        assertThat(plan).containsExactly(0.0, 4.6, 9.2, 13.8, 18.4);
    }

    @Test
    void noGapIsWiderThanTheSpacing() {
        List<Double> plan = KeyframeSchedule.plan(List.of(0.0, 3.3, 11.7, 12.1, 29.0, 31.5), 47, 5);
        for (int i = 1; i < plan.size(); i++) {
            assertThat(plan.get(i) - plan.get(i - 1)).isPositive().isLessThanOrEqualTo(5.0 + 1e-9);
        }
        assertThat(47 - plan.get(plan.size() - 1)).isLessThanOrEqualTo(5.0);
    }
}
