package org.classroom.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.classroom.common.model.Progress;
import org.junit.jupiter.api.Test;

class WaitingLinesTest {

    private final AtomicLong now = new AtomicLong();
    private final StringWriter text = new StringWriter();
    private final Map<String, Progress> known = new HashMap<>();
    private final WaitingLines lines = new WaitingLines(new PrintWriter(text),
            video -> Optional.ofNullable(known.get(video)), Duration.ofSeconds(10), now::get);

    @Test
    void saysWhoIsStillOutAtMostOnceAnInterval() {
        at(3);
        lines.stillWaiting(List.of("lecture.mp4"));
        assertThat(text.toString()).isEmpty();

        at(10.5);
        lines.stillWaiting(List.of("lecture.mp4", "seminar.mp4"));
        at(12);
        lines.stillWaiting(List.of("lecture.mp4"));
        at(21);
        lines.stillWaiting(List.of("lecture.mp4"));

        assertThat(text.toString().lines().toList()).containsExactly(
                "process: 11 s: still waiting for 2 videos: lecture.mp4, seminar.mp4",
                "process: 21 s: still waiting for 1 video: lecture.mp4");
    }

    @Test
    void aBigBatchIsShortenedAndNothingIsSaidOnceAllAreIn() {
        at(10);
        lines.stillWaiting(List.of("a", "b", "c", "d", "e", "f", "g"));
        at(30);
        lines.stillWaiting(List.of());

        assertThat(text.toString().lines().toList()).containsExactly(
                "process: 10 s: still waiting for 7 videos: a, b, c, d, e, ...");
        assertThat(lines.elapsedSeconds()).isEqualTo(30.0);
    }

    @Test
    void eachVideoTheFunctionSaysHowFarItIsWithShowsIt() {
        known.put("lecture.mp4", new Progress(0.5, 3, 6));
        known.put("seminar.mp4", new Progress(0.426, 0, 0));
        at(10);
        lines.stillWaiting(List.of("lecture.mp4", "seminar.mp4", "clip.mp4"));

        assertThat(text.toString().lines().toList()).containsExactly("process: 10 s: still waiting for 3 videos:"
                + " lecture.mp4 (50%, 3 of 6 segments done), seminar.mp4 (42%), clip.mp4");
    }

    private void at(double seconds) {
        now.set((long) (seconds * 1e9));
    }
}
