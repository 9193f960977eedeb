package org.classroom.desktop.logic.results;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * The exported table, in the relay's {@code /api/results.csv} columns
 * ({@code video,status,name,id,major,year,distance}) plus the reason and the upload-to-result seconds.
 */
public final class ResultsCsv {

    public static final String HEADER = "video,status,name,id,major,year,distance,reason,seconds_to_result";

    private ResultsCsv() {
    }

    public static String format(List<ResultRow> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (ResultRow row : rows) {
            csv.append(field(row.video())).append(',')
                    .append(field(row.status())).append(',')
                    .append(field(row.name())).append(',')
                    .append(row.id() == null ? "" : row.id()).append(',')
                    .append(field(row.major())).append(',')
                    .append(field(row.year())).append(',')
                    .append(row.distance() == null ? "" : String.format(Locale.ROOT, "%.4f", row.distance())).append(',')
                    .append(field(row.reason())).append(',')
                    .append(row.uploadToResult() == null ? ""
                            : String.format(Locale.ROOT, "%.1f", row.uploadToResult().toMillis() / 1000.0))
                    .append('\n');
        }
        return csv.toString();
    }

    /** Writes the file atomically, so a half-written export never replaces a good one. */
    public static void write(List<ResultRow> rows, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".export", ".csv");
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            writer.write(format(rows));
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
