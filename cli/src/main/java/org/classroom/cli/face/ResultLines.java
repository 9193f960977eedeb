package org.classroom.cli.face;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;

/** One readable line per clip for {@code recognise}. */
final class ResultLines {

    static final List<String> STAGES = List.of("open", "decode", "detect", "landmarks", "align", "encode", "crop", "frames",
            "match");

    private ResultLines() {
    }

    static String format(VideoResult result) {
        StringBuilder line = new StringBuilder();
        line.append(result.video()).append("  ").append(result.status().wireName());
        if (result.reason() != null) {
            line.append(": ").append(result.reason());
            return line.toString();
        }
        if (!result.people().isEmpty()) {
            line.append("  ").append(result.people().stream().map(ResultLines::person)
                    .collect(Collectors.joining(", ")));
        }
        line.append(String.format(Locale.ROOT, "  faces %d (unknown %d)", result.facesFound(), result.unknownFaces()));
        if (!result.unknownPeople().isEmpty()) {
            line.append(" [").append(result.unknownPeople().stream().map(ResultLines::unknown)
                    .collect(Collectors.joining("; "))).append("]");
        }
        line.append("  ").append(timings(result.timingsMs()));
        return line.toString();
    }

    private static String person(RecognisedPerson person) {
        String named = String.format(Locale.ROOT, "%s (%.3f)", person.name(), person.distance());
        return person.appearances().isEmpty() ? named : named + " " + AppearanceTimes.format(person.appearances());
    }

    private static String unknown(UnknownPerson person) {
        return person.appearances().isEmpty() ? "someone" : AppearanceTimes.format(person.appearances());
    }

    static String timings(Map<String, Double> timings) {
        StringBuilder text = new StringBuilder();
        for (String stage : STAGES) {
            Double value = timings.get(stage);
            if (value != null) {
                text.append(String.format(Locale.ROOT, "%s %.1f, ", stage, value));
            }
        }
        Double total = timings.get("total");
        text.append(String.format(Locale.ROOT, "total %.1f ms", total == null ? 0 : total));
        return text.toString();
    }
}
