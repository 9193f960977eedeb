package org.classroom.system.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.Student;
import org.classroom.common.students.StudentFile;

/**
 * The course's 100-video load test from the hand-out: each {@code test_N.mp4} in {@code mapping} is a
 * copy of the clip whose student has that major and year ({@code student_data.json} gives the
 * student, {@code expected.csv} the clip).
 */
final class CourseLoad {

    /** One upload: its key, the clip to upload under it and the seed line it must produce. */
    record Upload(String key, Path clip, Student student) {
        String expectedLine() {
            return student.name() + "," + student.major() + "," + student.year();
        }
    }

    private CourseLoad() {
    }

    static List<Upload> uploads(Path samples) {
        Map<String, Student> byMajorAndYear = new HashMap<>();
        for (Student student : StudentFile.read(samples.resolve("student_data.json"))) {
            byMajorAndYear.put(majorAndYear(student.major() + "," + student.year()), student);
        }
        Map<String, String> clipOf = clipsByStudent(samples);
        List<Upload> uploads = new ArrayList<>();
        for (String line : lines(samples.resolve("mapping"))) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String key = line.substring(0, colon).trim();
            Student student = byMajorAndYear.get(majorAndYear(line.substring(colon + 1).trim()));
            if (student == null || !clipOf.containsKey(student.name())) {
                throw new IllegalStateException("mapping line names no known student: " + line);
            }
            uploads.add(new Upload(key, samples.resolve("videos").resolve(clipOf.get(student.name())), student));
        }
        return uploads;
    }

    /**
     * A lookup key for {@code major,year}. The hand-out spells mr_bean's year "freshmen" in
     * student_data.json and "freshman" in mapping; both mean the same student.
     */
    private static String majorAndYear(String value) {
        return value.replaceAll("m[ae]n$", "m*n");
    }

    /** The student each clip shows, by the SHA-256 of the clip's bytes (what the test function knows). */
    static Map<String, Student> studentsByClipHash(Path samples) {
        Map<String, Student> byName = new HashMap<>();
        for (Student student : StudentFile.read(samples.resolve("student_data.json"))) {
            byName.put(student.name(), student);
        }
        Map<String, Student> byHash = new HashMap<>();
        clipsByStudent(samples).forEach((name, clip) -> {
            try {
                byHash.put(sha256(Files.readAllBytes(samples.resolve("videos").resolve(clip))), byName.get(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return byHash;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** expected.csv: {@code video,name,id,major,year} → student name → clip file name. */
    private static Map<String, String> clipsByStudent(Path samples) {
        Map<String, String> clips = new HashMap<>();
        List<String> rows = lines(samples.resolve("expected.csv"));
        for (String row : rows.subList(1, rows.size())) {
            if (!row.isBlank()) {
                String[] fields = row.split(",");
                clips.put(fields[1], fields[0]);
            }
        }
        return clips;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
