package org.classroom.relay;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;

/** Results to feed the relay in tests. */
public final class TestResults {

    private TestResults() {
    }

    public static VideoResult recognised(String video, String name, String major, String year) {
        RecognisedPerson person = RecognisedPerson.of(new Student(name, 5, major, year), 0.41, null, 0.0);
        return new VideoResult(video, ResultStatus.RECOGNISED, List.of(person), 1, 0, null, "etag-" + video,
                Map.of("total", 12.0), Instant.now());
    }
}
