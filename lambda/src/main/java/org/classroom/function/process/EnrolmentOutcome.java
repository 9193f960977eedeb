package org.classroom.function.process;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.face.VideoRecogniser.EnrolmentRefused;

/**
 * What an enrolment came to, as a type: a face added, or refused for a known kind of reason. It goes on
 * the wire as a {@link VideoResult} under the enrolment key, in the statuses every reader already knows
 * ({@code recognised} naming the student; {@code no-face} or {@code invalid-video} with the reason).
 */
sealed interface EnrolmentOutcome {

    VideoResult toResult(String key, String etag);

    /** A face of {@code person} was added; they now have {@code encodings} encodings. */
    record Enrolled(RecognisedPerson person, int encodings) implements EnrolmentOutcome {
        @Override
        public VideoResult toResult(String key, String etag) {
            String note = "enrolled a face of " + person.name() + " (" + encodings
                    + (encodings == 1 ? " encoding" : " encodings") + " now)";
            return new VideoResult(key, ResultStatus.RECOGNISED, List.of(person), 1, 0, note, etag, Map.of(),
                    Instant.now());
        }
    }

    /** Nothing was enrolled; {@code reason} is for the user. */
    record Refused(Kind kind, String reason) implements EnrolmentOutcome {

        enum Kind { NO_STUDENT_NAMED, NO_FACE, UNUSABLE_FILE }

        static Refused by(EnrolmentRefused refusal, String reason) {
            return new Refused(refusal.kind() == EnrolmentRefused.Kind.NO_FACE ? Kind.NO_FACE : Kind.UNUSABLE_FILE,
                    reason);
        }

        ResultStatus status() {
            return kind == Kind.NO_FACE ? ResultStatus.NO_FACE : ResultStatus.INVALID_VIDEO;
        }

        @Override
        public VideoResult toResult(String key, String etag) {
            return new VideoResult(key, status(), List.of(), 0, 0, reason, etag, Map.of(), Instant.now());
        }
    }
}
