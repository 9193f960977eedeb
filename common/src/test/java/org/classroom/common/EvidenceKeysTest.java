package org.classroom.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.classroom.common.format.EvidenceKeys;
import org.junit.jupiter.api.Test;

class EvidenceKeysTest {

    @Test
    void aCropIsKeptUnderItsVideoItsUploadsETagAndThePerson() {
        assertThat(EvidenceKeys.cropKey("test_0.mp4", "9b2cf5", "president_trump"))
                .isEqualTo("crops/test_0.mp4/9b2cf5/president_trump.jpg");
        assertThat(EvidenceKeys.cropKey("week 1/test_5.mp4", "e4af78", EvidenceKeys.unknownPerson(1)))
                .isEqualTo("crops/week 1/test_5.mp4/e4af78/unknown-1.jpg");
    }

    @Test
    void aNameCannotAddAFolderToTheKey() {
        assertThat(EvidenceKeys.cropKey("a.mp4", "e", "../x y")).isEqualTo("crops/a.mp4/e/.._x_y.jpg");
    }
}
