package org.classroom.cli.face;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.classroom.common.model.Appearance;

/** When someone was on screen, as a person reads a recording's clock: {@code 12:05–14:40}, {@code 1:02:03–1:10:00}. */
public final class AppearanceTimes {

    private AppearanceTimes() {
    }

    public static String format(List<Appearance> appearances) {
        return appearances.stream().map(AppearanceTimes::format).collect(Collectors.joining(", "));
    }

    public static String format(Appearance appearance) {
        return clock(appearance.from()) + "–" + clock(appearance.to());
    }

    /** m:ss under an hour, h:mm:ss from an hour on; whole seconds, rounded down (a start is never early). */
    public static String clock(double seconds) {
        long whole = (long) Math.floor(Math.max(0, seconds));
        long hours = whole / 3600;
        long minutes = whole % 3600 / 60;
        long rest = whole % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }
}
