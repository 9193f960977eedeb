package org.classroom.cli.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.VideoResult;

/** Prints results as an aligned text table: one row per recognised person, one for a video with none. */
public final class ResultTable {

    private static final String[] HEADER = {"video", "status", "name", "id", "major", "year", "distance"};

    private ResultTable() {
    }

    public static void print(List<VideoResult> results, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (VideoResult result : results) {
            if (result.people().isEmpty()) {
                String detail = result.reason() == null ? "" : result.reason();
                rows.add(new String[] {result.video(), result.status().wireName(), detail, "", "", "", ""});
            }
            for (RecognisedPerson person : result.people()) {
                rows.add(new String[] {result.video(), result.status().wireName(), person.name(),
                    person.id() == null ? "" : person.id().toString(), nullToEmpty(person.major()),
                    nullToEmpty(person.year()), String.format(Locale.ROOT, "%.3f", person.distance())});
            }
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.length; column++) {
                line.append(column == 0 ? "" : "  ").append(pad(row[column], widths[column]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(width - value.length());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
