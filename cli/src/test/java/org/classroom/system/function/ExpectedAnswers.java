package org.classroom.system.function;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The course's expected.csv: for each clip, the one student in it. */
final class ExpectedAnswers {

    /** One row: {@code video,name,id,major,year}. */
    record Answer(String video, String name, int id, String major, String year) {
        /** The seed-format output object for this clip. */
        String seedLine() {
            return name + "," + major + "," + year;
        }
    }

    private ExpectedAnswers() {
    }

    static Map<String, Answer> read(Path samples) {
        try {
            List<String> lines = Files.readAllLines(samples.resolve("expected.csv"));
            Map<String, Answer> answers = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",");
                answers.put(fields[0], new Answer(fields[0], fields[1], Integer.parseInt(fields[2]), fields[3], fields[4]));
            }
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
