package org.classroom.system.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.classroom.common.model.ResultStatus;
import org.classroom.desktop.model.ResultRow;

/** The course clips and who is in each (the hand-out's {@code expected.csv}), and a check of the table against them. */
record CourseAnswers(List<Path> clips, Map<String, String> nameByVideo) {

    static CourseAnswers read(Path samples) throws IOException {
        List<Path> clips;
        try (Stream<Path> files = Files.list(samples.resolve("videos"))) {
            clips = files.filter(f -> f.getFileName().toString().endsWith(".mp4")).sorted().toList();
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (String line : Files.readAllLines(samples.resolve("expected.csv")).stream().skip(1).toList()) {
            if (!line.isBlank()) {
                String[] fields = line.split(",", -1);
                names.put(fields[0], fields[1]);
            }
        }
        return new CourseAnswers(clips, names);
    }

    /** How many of the course clips have a row in the table. */
    long answered(List<ResultRow> rows) {
        return rows.stream().map(ResultRow::video).distinct().filter(nameByVideo::containsKey).count();
    }

    /**
     * What is wrong with the table (empty when it shows one recognised row per clip, with the right name). Rows of
     * unknown people (test_5's boy) are not the course's answers and are left out.
     */
    List<String> problems(List<ResultRow> allRows) {
        List<String> problems = new ArrayList<>();
        List<ResultRow> rows = allRows.stream().filter(row -> !row.unknown()).toList();
        if (rows.size() != nameByVideo.size()) {
            problems.add(rows.size() + " rows, expected " + nameByVideo.size());
        }
        for (ResultRow row : rows) {
            String expected = nameByVideo.get(row.video());
            if (expected == null) {
                problems.add(row.video() + ": not one of the course clips");
            } else if (!ResultStatus.RECOGNISED.wireName().equals(row.status())) {
                problems.add(row.video() + ": status " + row.status() + (row.reason() == null ? "" : " (" + row.reason() + ")"));
            } else if (!expected.equals(row.name())) {
                problems.add(row.video() + ": " + row.name() + ", expected " + expected);
            } else if (row.uploadToResult() == null) {
                problems.add(row.video() + ": no upload-to-result time");
            }
        }
        return problems;
    }
}
