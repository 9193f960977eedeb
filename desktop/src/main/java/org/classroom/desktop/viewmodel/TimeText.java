package org.classroom.desktop.viewmodel;

import java.util.Locale;

/** A time in a video as people read it: {@code 0:07.5}, {@code 0:12}, {@code 12:05}, {@code 1:02:09}. */
public final class TimeText {

    private TimeText() {
    }

    public static String of(double seconds) {
        long whole = (long) Math.floor(Math.max(0, seconds));
        long hours = whole / 3600;
        long minutes = whole / 60 % 60;
        long secs = whole % 60;
        if (hours > 0) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs);
        }
        if (whole >= 60) {
            return String.format(Locale.ROOT, "%d:%02d", minutes, secs);
        }
        double tenths = Math.round(Math.max(0, seconds) * 10) / 10.0;
        if (tenths == whole || tenths >= 60) {
            return String.format(Locale.ROOT, "0:%02d", Math.min(59, Math.round(tenths)));
        }
        return String.format(Locale.ROOT, "0:%04.1f", tenths);
    }
}
