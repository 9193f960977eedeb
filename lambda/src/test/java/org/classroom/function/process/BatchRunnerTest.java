package org.classroom.function.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.classroom.function.event.EventMessage;
import org.classroom.function.event.InvocationEvent;
import org.classroom.function.event.ObjectRef;
import org.junit.jupiter.api.Test;

class BatchRunnerTest {

    /** No processor: these cases must be decided before any object is touched. */
    private final BatchRunner runner = new BatchRunner(null, 1, Duration.ofSeconds(20));

    @Test
    void messagesWithNothingToDoSucceed() {
        InvocationEvent event = new InvocationEvent(InvocationEvent.Shape.SQS,
                List.of(EventMessage.ignored("m-1", "s3:TestEvent"), EventMessage.of("m-2", List.of())));

        List<MessageReport> reports = runner.run(event, () -> Long.MAX_VALUE);

        assertThat(reports).extracting(MessageReport::messageId).containsExactly("m-1", "m-2");
        assertThat(reports).noneMatch(MessageReport::failed);
    }

    @Test
    void messagesNotStartedBeforeTheTimeoutAreReportedFailedForTheQueueToRetry() {
        InvocationEvent event = new InvocationEvent(InvocationEvent.Shape.SQS,
                List.of(EventMessage.of("m-1", List.of(ObjectRef.of("in", "test_0.mp4")))));

        List<MessageReport> reports = runner.run(event, () -> 19_000);

        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.failed()).isTrue();
            assertThat(report.failures()).singleElement().asString().contains("20 s");
            assertThat(report.outcomes()).isEmpty();
        });
    }
}
