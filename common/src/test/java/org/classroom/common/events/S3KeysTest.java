package org.classroom.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3KeysTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "test_0.mp4|test_0.mp4",
            "my+lecture.mp4|my lecture.mp4",
            "a%2Bb.mp4|a+b.mp4",
            "week%201/clip.mp4|week 1/clip.mp4",
            "caf%C3%A9.mp4|café.mp4",
            "100%25+sure.mp4|100% sure.mp4",
            "broken%zz.mp4|broken%zz.mp4",
    })
    void decodesKeysAsS3EncodesThemInNotifications(String encoded, String decoded) {
        assertThat(S3Keys.decode(encoded)).isEqualTo(decoded);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "\"abc\"|abc",
            "abc|abc",
            " \"abc-2\" |abc-2",
            "\"\"|null",
            "null|null",
    })
    void etagsCompareWithoutQuotes(String raw, String normalised) {
        assertThat(ETags.normalise(raw)).isEqualTo(normalised);
    }
}
