package org.classroom.relay.api;

import java.util.List;
import java.util.Locale;
import org.classroom.common.format.CsvField;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.VideoResult;

/**
 * The results table as CSV, {@code video,status,name,id,major,year,distance}: one row per recognised
 * person, and one row with empty person fields for a video with nobody recognised.
 */
public final class ResultsCsv {

    public static final String HEADER = "video,status,name,id,major,year,distance";

    private ResultsCsv() {
    }

    public static String format(List<VideoResult> results) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (VideoResult result : results) {
            String prefix = CsvField.of(result.video()) + "," + result.status().wireName() + ",";
            if (result.people().isEmpty()) {
                csv.append(prefix).append(",,,,\n");
            }
            for (RecognisedPerson person : result.people()) {
                csv.append(prefix)
                        .append(CsvField.of(person.name())).append(',')
                        .append(person.id() == null ? "" : person.id().toString()).append(',')
                        .append(CsvField.of(person.major())).append(',')
                        .append(CsvField.of(person.year())).append(',')
                        .append(String.format(Locale.ROOT, "%.4f", person.distance())).append('\n');
            }
        }
        return csv.toString();
    }
}
