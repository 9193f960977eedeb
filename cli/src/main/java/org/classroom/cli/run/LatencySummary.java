package org.classroom.cli.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Median, 95th percentile and maximum of a set of latencies (nearest-rank percentiles). */
public record LatencySummary(Duration p50, Duration p95, Duration max, int count) {

    public static LatencySummary of(Collection<Duration> latencies) {
        if (latencies.isEmpty()) {
            return new LatencySummary(Duration.ZERO, Duration.ZERO, Duration.ZERO, 0);
        }
        List<Duration> sorted = new ArrayList<>(latencies);
        sorted.sort(null);
        return new LatencySummary(rank(sorted, 50), rank(sorted, 95), sorted.get(sorted.size() - 1), sorted.size());
    }

    private static Duration rank(List<Duration> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    public static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.2f", duration.toMillis() / 1000.0);
    }
}
