package org.classroom.desktop.logic.attendance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.classroom.common.model.Appearance;

/** How long someone was on screen in one video: the length of the union of their appearances. */
public final class OnScreenTime {

    private OnScreenTime() {
    }

    /** Seconds covered by the appearances; overlapping ones count once (the engine merges them, older results may not). */
    public static double seconds(List<Appearance> appearances) {
        List<Appearance> sorted = new ArrayList<>(appearances);
        sorted.sort(Comparator.comparingDouble(Appearance::from));
        double total = 0;
        double start = Double.NaN;
        double end = Double.NaN;
        for (Appearance a : sorted) {
            if (Double.isNaN(start) || a.from() > end) {
                total += Double.isNaN(start) ? 0 : end - start;
                start = a.from();
                end = a.to();
            } else {
                end = Math.max(end, a.to());
            }
        }
        return Double.isNaN(start) ? total : total + end - start;
    }
}
