package org.classroom.desktop.model;

import java.time.Duration;
import java.util.List;
import org.classroom.common.format.ResultRows;
import org.classroom.common.model.VideoResult;

/**
 * One line of the results table: a person seen in a video, or the video alone when nobody was
 * recognised (then {@code name} is null and {@code reason} may say why).
 *
 * @param uploadToResult from the end of the upload to the result's arrival; null when unknown
 * @param crop           the evidence bucket's key of the face crop shown beside the name; null when none
 */
public record ResultRow(String video, String status, String name, Integer id, String major, String year,
                        Double distance, String reason, Duration uploadToResult, String crop) {

    /** The shared flattening ({@link ResultRows}), each row with the upload-to-result time. */
    public static List<ResultRow> of(VideoResult result, Duration uploadToResult) {
        return ResultRows.of(result).stream()
                .map(row -> new ResultRow(row.video(), row.status(), row.name(), row.id(), row.major(), row.year(),
                        row.distance(), row.reason(), uploadToResult, row.crop()))
                .toList();
    }
}
