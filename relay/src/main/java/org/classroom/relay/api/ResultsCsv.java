package org.classroom.relay.api;

import java.util.List;
import org.classroom.common.format.CsvField;
import org.classroom.common.format.ResultRows;
import org.classroom.common.model.VideoResult;

/**
 * The results table as CSV, {@code video,status,name,id,major,year,distance}: one row per recognised
 * person, and one row with empty person fields for a video with nobody recognised.
 */
public final class ResultsCsv {

    public static final String HEADER = String.join(",", ResultRows.COLUMNS);

    private ResultsCsv() {
    }

    public static String format(List<VideoResult> results) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (ResultRows.Row row : ResultRows.of(results)) {
            csv.append(CsvField.of(row.video())).append(',')
                    .append(row.status()).append(',')
                    .append(CsvField.of(row.name())).append(',')
                    .append(row.idText()).append(',')
                    .append(CsvField.of(row.major())).append(',')
                    .append(CsvField.of(row.year())).append(',')
                    .append(row.distanceText()).append('\n');
        }
        return csv.toString();
    }
}
