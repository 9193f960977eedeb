package org.classroom.cli.face;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void nearestRankPercentiles() {
        List<Double> values = List.of(5.0, 1.0, 4.0, 2.0, 3.0);
        assertThat(Stats.median(values)).isEqualTo(3.0);
        assertThat(Stats.percentile(values, 95)).isEqualTo(5.0);
        assertThat(Stats.percentile(values, 20)).isEqualTo(1.0);
        assertThat(Stats.percentile(values, 100)).isEqualTo(5.0);
        assertThat(Stats.median(List.of(7.0, 9.0))).isEqualTo(7.0);
        assertThat(Stats.median(List.of())).isNaN();
    }
}
