package org.classroom.function.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.classroom.common.format.EnrolmentKeys;
import org.classroom.common.model.ResultStatus;
import org.classroom.face.VideoRecogniser.EnrolmentRefused;
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
    void refusalsSayNoFaceOnlyWhenTheEngineFoundNone() {
        assertThat(EnrolmentOutcome.Refused.by(EnrolmentRefused.noFace("x"), "x").status()).isEqualTo(ResultStatus.NO_FACE);
        // The message alone decides nothing: a refusal that mentions "no face" but is of another kind stays invalid.
        assertThat(EnrolmentOutcome.Refused.by(EnrolmentRefused.unusable("2 faces, no face turned"), "x").status())
                .isEqualTo(ResultStatus.INVALID_VIDEO);
        assertThat(new EnrolmentOutcome.Refused(EnrolmentOutcome.Refused.Kind.NO_STUDENT_NAMED, "x")
                .toResult("enrol/x.jpg", "e").status()).isEqualTo(ResultStatus.INVALID_VIDEO);
    }

    @Test
    void temporaryFilesKeepAPlainExtension() {
        assertThat(ObjectDownloader.suffix("a/b/clip.MP4")).isEqualTo(".mp4");
        assertThat(ObjectDownloader.suffix("clip")).isEqualTo(".bin");
        assertThat(ObjectDownloader.suffix("clip.../../etc")).isEqualTo(".bin");
        assertThat(ObjectDownloader.suffix("dir.d/clip")).isEqualTo(".bin");
    }
}
