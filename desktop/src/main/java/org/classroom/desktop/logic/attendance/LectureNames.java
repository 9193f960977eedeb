package org.classroom.desktop.logic.attendance;

import java.time.ZoneId;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.model.LectureGrouping;

/** Which lecture a video belongs to under each grouping. */
public final class LectureNames {

    /** The folder of a key without a slash. */
    public static final String NO_FOLDER = "(top level)";
    /** The date of a result that does not say when it was made. */
    public static final String NO_DATE = "(no date)";

    private LectureNames() {
    }

    /**
     * The lecture's name: the video key; the key's folder (its S3 prefix, without the last slash); or the
     * day the result was made in {@code zone} (results come minutes after the upload, so this is the
     * upload's day; the bucket's own upload time would cost a request per video).
     */
    public static String of(VideoResult result, LectureGrouping grouping, ZoneId zone) {
        return switch (grouping) {
            case VIDEO -> result.video();
            case FOLDER -> {
                int slash = result.video().lastIndexOf('/');
                yield slash <= 0 ? NO_FOLDER : result.video().substring(0, slash);
            }
            case DATE -> result.finishedAt() == null ? NO_DATE
                    : result.finishedAt().atZone(zone).toLocalDate().toString();
        };
    }
}
