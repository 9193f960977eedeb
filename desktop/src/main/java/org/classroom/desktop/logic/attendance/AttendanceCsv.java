package org.classroom.desktop.logic.attendance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.classroom.common.files.AtomicFiles;
import org.classroom.common.format.CsvField;
import org.classroom.desktop.model.AttendanceSheet;
import org.classroom.desktop.model.Lecture;
import org.classroom.desktop.model.Presence;
import org.classroom.desktop.model.StudentAttendance;

/**
 * The attendance sheet as CSV: {@code student,id,major,year,in_roster,lectures_attended,minutes_on_screen}
 * and one column per lecture, named after it. A lecture's cell is {@code absent}, {@code present} (seen,
 * but the result gave no times) or the minutes on screen as a number (two decimals), which also means present.
 */
public final class AttendanceCsv {

    public static final String FIXED_HEADER = "student,id,major,year,in_roster,lectures_attended,minutes_on_screen";

    private AttendanceCsv() {
    }

    public static String format(AttendanceSheet sheet) {
        StringBuilder csv = new StringBuilder(FIXED_HEADER);
        for (Lecture lecture : sheet.lectures()) {
            csv.append(',').append(CsvField.of(lecture.name()));
        }
        csv.append('\n');
        for (StudentAttendance row : sheet.students()) {
            csv.append(CsvField.of(row.name())).append(',')
                    .append(row.student().id() == null ? "" : row.student().id()).append(',')
                    .append(CsvField.of(row.student().major())).append(',')
                    .append(CsvField.of(row.student().year())).append(',')
                    .append(row.inRoster() ? "yes" : "no").append(',')
                    .append(row.attended()).append(',')
                    .append(minutes(row.seconds()));
            for (Presence cell : row.lectures()) {
                csv.append(',').append(cell(cell));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    static String cell(Presence presence) {
        if (!presence.present()) {
            return "absent";
        }
        return presence.timed() ? minutes(presence.seconds()) : "present";
    }

    private static String minutes(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds / 60.0);
    }

    /** Writes the file atomically, so a half-written export never replaces a good one. */
    public static void write(AttendanceSheet sheet, Path file) throws IOException {
        AtomicFiles.write(file, format(sheet).getBytes(StandardCharsets.UTF_8));
    }
}
