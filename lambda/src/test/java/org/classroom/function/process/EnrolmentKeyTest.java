package org.classroom.function.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.classroom.common.format.EnrolmentKeys;
import org.classroom.common.model.ResultStatus;
import org.junit.jupiter.api.Test;

class EnrolmentKeyTest {

    @Test
    void onlyKeysUnderTheEnrolmentPrefixEnrol() {
        assertThat(EnrolmentKeys.isEnrolment("enrol/ada/photo.jpg")).isTrue();
        assertThat(EnrolmentKeys.isEnrolment("test_0.mp4")).isFalse();
        assertThat(EnrolmentKeys.isEnrolment("videos/enrol/ada/photo.jpg")).isFalse();
    }

    @Test
    void theStudentIsNamedByTheKey() {
        assertThat(EnrolmentKeys.studentName("enrol/ada lovelace/photo.jpg", Map.of())).contains("ada lovelace");
        assertThat(EnrolmentKeys.studentName("enrol/ada/2024/photo.jpg", Map.of())).contains("ada");
    }

    @Test
    void metadataNamesTheStudentAheadOfTheKey() {
        assertThat(EnrolmentKeys.studentName("enrol/photo.jpg", Map.of("student", "grace"))).contains("grace");
        assertThat(EnrolmentKeys.studentName("enrol/ada/photo.jpg", Map.of("student", " grace "))).contains("grace");
    }

    @Test
    void aKeyWithoutAStudentNamesNobody() {
        assertThat(EnrolmentKeys.studentName("enrol/photo.jpg", Map.of())).isEmpty();
        assertThat(EnrolmentKeys.studentName("enrol//photo.jpg", Map.of())).isEmpty();
        assertThat(EnrolmentKeys.studentName("enrol/ /photo.jpg", Map.of("student", " "))).isEmpty();
    }

    @Test
    void refusalsSayNoFaceOnlyWhenThereWasNone() {
        assertThat(Enrolment.statusFor("no face found in the photo")).isEqualTo(ResultStatus.NO_FACE);
        assertThat(Enrolment.statusFor("2 faces found; enrol one at a time")).isEqualTo(ResultStatus.INVALID_VIDEO);
        assertThat(Enrolment.statusFor("not an image or a video")).isEqualTo(ResultStatus.INVALID_VIDEO);
    }

    @Test
    void temporaryFilesKeepAPlainExtension() {
        assertThat(ObjectDownloader.suffix("a/b/clip.MP4")).isEqualTo(".mp4");
        assertThat(ObjectDownloader.suffix("clip")).isEqualTo(".bin");
        assertThat(ObjectDownloader.suffix("clip.../../etc")).isEqualTo(".bin");
        assertThat(ObjectDownloader.suffix("dir.d/clip")).isEqualTo(".bin");
    }
}
