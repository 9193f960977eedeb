package org.classroom.face.track;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import org.classroom.common.model.Appearance;

/**
 * Joins stretches of one person on screen that are less than a gap apart (consecutive samples, a sample where
 * the detector missed them, or the two sides of a segment boundary) into one appearance each, in time order,
 * times rounded to the millisecond.
 */
public final class AppearanceJoin {

    private AppearanceJoin() {
    }

    public static List<Appearance> join(Collection<Appearance> stretches, double gapSeconds) {
        return join(stretches, (end, start) -> start - end <= gapSeconds);
    }

    /**
     * @param joins whether a stretch that ends at the first time and the next one, starting at the second, are one
     */
    public static List<Appearance> join(Collection<Appearance> stretches, BiPredicate<Double, Double> joins) {
        List<Appearance> ordered = stretches.stream().sorted(Comparator.comparingDouble(Appearance::from)).toList();
        List<Appearance> joined = new ArrayList<>();
        if (ordered.isEmpty()) {
            return joined;
        }
        double from = ordered.get(0).from();
        double to = ordered.get(0).to();
        for (Appearance next : ordered.subList(1, ordered.size())) {
            if (joins.test(to, next.from())) {
                to = Math.max(to, next.to());
            } else {
                joined.add(rounded(from, to));
                from = next.from();
                to = next.to();
            }
        }
        joined.add(rounded(from, to));
        return joined;
    }

    private static Appearance rounded(double from, double to) {
        return new Appearance(Math.round(from * 1000) / 1000.0, Math.round(to * 1000) / 1000.0);
    }
}
