package org.classroom.common.format;

import java.util.stream.Collectors;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.VideoResult;

/**
 * The course's output format: one line {@code name,major,year} per recognised student, no header,
 * no trailing newline ({@code president_trump,physics,junior} is 30 bytes). A gallery person with no
 * student row is written with empty fields ({@code bush,,}). Videos with nobody recognised give an
 * empty object.
 */
public final class SeedCsv {

    private SeedCsv() {
    }

    public static String format(VideoResult result) {
        return result.people().stream().map(SeedCsv::line).collect(Collectors.joining("\n"));
    }

    private static String line(RecognisedPerson person) {
        return CsvField.of(person.name()) + "," + CsvField.of(person.major()) + "," + CsvField.of(person.year());
    }
}
