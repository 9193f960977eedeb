package org.classroom.desktop.logic.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.classroom.common.files.AtomicFiles;
import org.classroom.common.format.CsvField;
import org.classroom.common.format.ResultRows;
import org.classroom.desktop.model.ResultRow;

/**
 * The exported table, in the relay's {@code /api/results.csv} columns
 * ({@code video,status,name,id,major,year,distance}) plus the reason and the upload-to-result seconds; an unknown
 * person's name is "Unknown person N".
 */
public final class ResultsCsv {

    public static final String HEADER = "video,status,name,id,major,year,distance,reason,seconds_to_result";

    private ResultsCsv() {
    }

    public static String format(List<ResultRow> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (ResultRow row : rows) {
            csv.append(CsvField.of(row.video())).append(',')
                    .append(CsvField.of(row.status())).append(',')
                    .append(CsvField.of(row.displayName())).append(',')
                    .append(row.id() == null ? "" : row.id()).append(',')
                    .append(CsvField.of(row.major())).append(',')
                    .append(CsvField.of(row.year())).append(',')
                    .append(ResultRows.distanceText(row.distance())).append(',')
                    .append(CsvField.of(row.reason())).append(',')
                    .append(row.uploadToResult() == null ? ""
                            : String.format(Locale.ROOT, "%.1f", row.uploadToResult().toMillis() / 1000.0))
                    .append('\n');
        }
        return csv.toString();
    }

    /** Writes the file atomically, so a half-written export never replaces a good one. */
    public static void write(List<ResultRow> rows, Path file) throws IOException {
        AtomicFiles.write(file, format(rows).getBytes(StandardCharsets.UTF_8));
    }
}
