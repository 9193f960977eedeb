package org.classroom.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.junit.jupiter.api.Test;

/** How the function's answer to an enrolment reads in the roster's status line, and what the student form refuses. */
class RosterViewModelTest {

    @Test
    void aFaceAddedSaysSoWithTheFunctionsWordsAndTheDistance() {
        VideoResult added = new VideoResult("enrol/floki/me.jpg", ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson("floki", 4, "history", "junior", 0.287, null, null)), 1, 0,
                "enrolled a face of floki (2 encodings now)", null, Map.of(), Instant.now());

        assertThat(RosterViewModel.describe("floki", "me.jpg", added))
                .isEqualTo("Enrolled floki from me.jpg: enrolled a face of floki (2 encodings now)"
                        + " (distance to the earlier faces 0.29)");
    }

    @Test
    void aRefusalGivesTheReasonOnce() {
        VideoResult refused = new VideoResult("enrol/floki/cat.jpg", ResultStatus.NO_FACE, List.of(), 0, 0,
                "not enrolled: no face found in enrol/floki/cat.jpg", null, Map.of(), Instant.now());

        assertThat(RosterViewModel.describe("floki", "cat.jpg", refused))
                .isEqualTo("Enrolment of floki from cat.jpg failed: no face found in enrol/floki/cat.jpg");
    }

    @Test
    void theFormRefusesANameWithASlashAndAnIdThatIsNotANumber() {
        assertThat(RosterViewModel.problem(" floki ", "4")).isNull();
        assertThat(RosterViewModel.problem("a/b", "")).contains("slashes");
        assertThat(RosterViewModel.problem("floki", "four")).isEqualTo("The ID must be a whole number");
    }
}
