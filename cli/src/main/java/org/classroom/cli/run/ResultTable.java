package org.classroom.cli.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.classroom.cli.face.AppearanceTimes;
import org.classroom.common.format.ResultRows;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;

/**
 * Prints results as an aligned text table: one row per person seen (recognised, then unknown), one for a
 * video with nobody. The last column says when each person was on screen; it comes last because it is the
 * only one with spaces in it.
 */
public final class ResultTable {

    private static final String[] HEADER = java.util.stream.Stream.concat(ResultRows.COLUMNS.stream(),
            java.util.stream.Stream.of("seen")).toArray(String[]::new);
    private static final String UNKNOWN = "(unknown)";

    private ResultTable() {
    }

    public static void print(List<VideoResult> results, PrintWriter out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (VideoResult result : results) {
            for (ResultRows.Row row : ResultRows.of(result)) {
                // A video with nobody recognised shows its reason where a name would be.
                String name = row.name() != null ? row.name() : nullToEmpty(row.reason());
                rows.add(new String[] {row.video(), row.status(), name, row.idText(), nullToEmpty(row.major()),
                    nullToEmpty(row.year()), row.distanceText(), AppearanceTimes.format(row.appearances())});
            }
            for (UnknownPerson person : result.unknownPeople()) {
                rows.add(new String[] {result.video(), result.status().wireName(), UNKNOWN, "", "", "", "",
                    AppearanceTimes.format(person.appearances())});
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
