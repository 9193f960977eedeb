package org.classroom.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void nearestRankPercentiles() {
        List<Duration> latencies = new ArrayList<>();
        for (int second = 100; second >= 1; second--) {
            latencies.add(Duration.ofSeconds(second));
        }
        LatencySummary summary = LatencySummary.of(latencies);
        assertThat(summary.p50()).isEqualTo(Duration.ofSeconds(50));
        assertThat(summary.p95()).isEqualTo(Duration.ofSeconds(95));
        assertThat(summary.max()).isEqualTo(Duration.ofSeconds(100));
        assertThat(summary.count()).isEqualTo(100);
    }

    @Test
    void emptyIsZero() {
        assertThat(LatencySummary.of(List.of()).max()).isEqualTo(Duration.ZERO);
    }
}
