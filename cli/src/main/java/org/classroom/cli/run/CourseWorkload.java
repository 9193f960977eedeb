package org.classroom.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.Student;
import org.classroom.common.students.StudentFile;

/**
 * The course's load test: {@code mapping} lists {@code test_N.mp4:major,year}; each test_N is a copy of
 * the course clip whose student has that major and year ({@code student_data.json} gives the student,
 * {@code expected.csv} the clip).
 */
public final class CourseWorkload {

    /** One upload of the load test: its key, the clip it copies and the student it must name. */
    public record Video(String key, Path source, String expectedName) {
    }

    private CourseWorkload() {
    }

    public static List<Video> from(Path samples, int copies) {
        Map<String, String> studentByMajorYear = new HashMap<>();
        for (Student student : StudentFile.read(samples.resolve("student_data.json"))) {
            studentByMajorYear.put(majorYear(student.major() + "," + student.year()), student.name());
        }
        Map<String, String> clipByStudent = new HashMap<>();
        List<String> expected = lines(samples.resolve("expected.csv"));
        for (String line : expected.subList(1, expected.size())) {
            String[] fields = line.split(",");
            clipByStudent.put(fields[1], fields[0]);
        }
        List<Video> base = new ArrayList<>();
        for (String line : lines(samples.resolve("mapping"))) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String student = studentByMajorYear.get(majorYear(line.substring(colon + 1)));
            String clip = student == null ? null : clipByStudent.get(student);
            if (clip == null) {
                throw new IllegalArgumentException("mapping line '" + line + "' names no student with a clip in "
                        + samples.resolve("expected.csv"));
            }
            base.add(new Video(key, samples.resolve("videos").resolve(clip), student));
        }
        List<Video> videos = new ArrayList<>();
        for (int copy = 0; copy < copies; copy++) {
            for (Video video : base) {
                String key = copy == 0 ? video.key() : "copy" + copy + "_" + video.key();
                videos.add(new Video(key, video.source(), video.expectedName()));
            }
        }
        return videos;
    }

    /** The course spells mr_bean's year "freshmen" in student_data.json and "freshman" in mapping. */
    private static String majorYear(String value) {
        String normalised = value.strip().toLowerCase(java.util.Locale.ROOT);
        return normalised.endsWith("men") ? normalised.substring(0, normalised.length() - 3) + "man" : normalised;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
