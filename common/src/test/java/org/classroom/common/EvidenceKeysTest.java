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

    @Test
    void framesAndTheFilmstripLiveUnderFramesBesideEachOther() {
        String frame = EvidenceKeys.frameKey("week 1/a.mp4", "9b2cf5", 12_500, 1920, 1080);

        assertThat(frame).isEqualTo("frames/week 1/a.mp4/9b2cf5/12500-1920x1080.jpg");
        assertThat(EvidenceKeys.frameSize(frame)).contains(new EvidenceKeys.FrameSize(1920, 1080));
        assertThat(EvidenceKeys.frameSize("frames/a.mp4/e/12500.jpg")).isEmpty();
        assertThat(EvidenceKeys.filmstripIndexBeside(frame)).contains(EvidenceKeys.filmstripIndexKey("week 1/a.mp4",
                "9b2cf5")).contains("frames/week 1/a.mp4/9b2cf5/strip.json");
        assertThat(EvidenceKeys.filmstripImagesOf("frames/week 1/a.mp4/9b2cf5/strip.json"))
                .isEqualTo(EvidenceKeys.filmstripImagesKey("week 1/a.mp4", "9b2cf5"))
                .isEqualTo("frames/week 1/a.mp4/9b2cf5/strip.jpgs");
        assertThat(EvidenceKeys.filmstripIndexBeside("crops/a.mp4/e/x.jpg")).isEmpty();
        assertThat(EvidenceKeys.filmstripIndexBeside(null)).isEmpty();
    }
}
