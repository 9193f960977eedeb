package org.classroom.common.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.classroom.common.model.Appearance;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;

/**
 * The results table's one flattening, shared by the relay's CSV, the desktop's table and the command
 * line's: one row per recognised person, and one row with empty person fields for a video with nobody
 * recognised. Each reader picks its columns from the row; distances are shown with one rounding.
 */
public final class ResultRows {

    public static final List<String> COLUMNS = List.of("video", "status", "name", "id", "major", "year", "distance");

    private ResultRows() {
    }

    /**
     * One row of the table.
     *
     * @param name   null on a video's only row when nobody was recognised
     * @param reason      the result's reason (why nothing was found, or a note), on every row of the video
     * @param appearances when the person was on screen (empty on a video's row without a person)
     * @param crop        the evidence bucket's key of the person's face crop; on a video's row without a
     *                    recognised person, the first unknown person's; null when none was kept
     */
    public record Row(String video, String status, String name, Integer id, String major, String year,
                      Double distance, String reason, List<Appearance> appearances, String crop) {

        public String idText() {
            return id == null ? "" : id.toString();
        }

        public String distanceText() {
            return ResultRows.distanceText(distance);
        }
    }

    public static List<Row> of(List<VideoResult> results) {
        return results.stream().flatMap(result -> of(result).stream()).toList();
    }

    public static List<Row> of(VideoResult result) {
        String status = result.status().wireName();
        List<Row> rows = new ArrayList<>();
        for (RecognisedPerson person : result.people()) {
            rows.add(new Row(result.video(), status, person.name(), person.id(), person.major(), person.year(),
                    person.distance(), result.reason(), person.appearances(), person.crop()));
        }
        if (rows.isEmpty()) {
            // unknown people have no row of their own: the video's row shows the first one's face
            String unknownCrop = result.unknownPeople().stream().map(UnknownPerson::crop)
                    .filter(crop -> crop != null).findFirst().orElse(null);
            rows.add(new Row(result.video(), status, null, null, null, null, null, result.reason(), List.of(),
                    unknownCrop));
        }
        return rows;
    }

    /** Four decimals: finer than any threshold the engine uses, the same in every table. */
    public static String distanceText(Double distance) {
        return distance == null ? "" : String.format(Locale.ROOT, "%.4f", distance);
    }
}
