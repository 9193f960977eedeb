package org.classroom.desktop.logic.results;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.VideoResult;

/**
 * One line of the results table: a person seen in a video, or the video alone when nobody was
 * recognised (then {@code name} is null and {@code reason} may say why).
 *
 * @param uploadToResult from the end of the upload to the result's arrival; null when unknown
 */
public record ResultRow(String video, String status, String name, Integer id, String major, String year,
                        Double distance, String reason, Duration uploadToResult) {

    public static List<ResultRow> of(VideoResult result, Duration uploadToResult) {
        List<ResultRow> rows = new ArrayList<>();
        for (RecognisedPerson person : result.people()) {
            rows.add(new ResultRow(result.video(), result.status().wireName(), person.name(), person.id(),
                    person.major(), person.year(), person.distance(), result.reason(), uploadToResult));
        }
        if (rows.isEmpty()) {
            rows.add(new ResultRow(result.video(), result.status().wireName(), null, null, null, null, null,
                    result.reason(), uploadToResult));
        }
        return rows;
    }
}
