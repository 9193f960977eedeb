package org.classroom.system.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classroom.system.relay.RelayEndToEndTest.txtFiles;
import static org.classroom.system.relay.RelayEndToEndTest.waitUntil;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.classroom.common.config.SampleData;
import org.classroom.localcloud.edge.Service;
import org.classroom.relay.Relay;
import org.classroom.relay.RelayOptions;
import org.classroom.relay.aws.ServiceCalls;
import org.classroom.relay.store.ResultFileNames;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The relay's stop and its ride through an outage, against the local cloud. */
class RelayResilienceTest {

    @TempDir
    Path work;

    Path samples;
    List<CourseLoad.Upload> uploads;

    @BeforeEach
    void courseData() {
        samples = SampleData.find().orElse(null);
        Assumptions.assumeTrue(samples != null, SampleData.missingMessage());
        uploads = CourseLoad.uploads(samples);
    }

    RelayOptions options(Path results) {
        return RelayOptions.defaults().withPort(0).withHost("127.0.0.1").withToken("t").withResultsDir(results);
    }

    @Test
    void aStopFinishesTheInvocationInFlightAndTheNextStartPicksUpItsResult() throws Exception {
        Path results = work.resolve("results");
        CourseLoad.Upload upload = uploads.get(0);
        try (RelayCloud cloud = new RelayCloud(samples, Set.of())) {
            cloud.function.delay(Duration.ofSeconds(4));
            Relay first = Relay.start(cloud.config, options(results));
            cloud.upload(List.of(upload));
            waitUntil(() -> first.metrics().inFlight() == 1, Duration.ofMinutes(1));
            first.close();

            // The invocation was finished and its message deleted, not abandoned to come round again.
            assertThat(cloud.function.attempts(upload.key())).isEqualTo(1);
            assertThat(cloud.messages(cloud.inputQueueUrl)).isZero();
            cloud.function.delay(Duration.ZERO);
            try (Relay second = Relay.start(cloud.config, options(results))) {
                Path file = ResultFileNames.resultFile(results, upload.key());
                waitUntil(() -> file.toFile().exists(), Duration.ofMinutes(1));
                assertThat(file).hasContent(upload.expectedLine());
                assertThat(cloud.function.attempts(upload.key())).isEqualTo(1);
            }
        }
    }

    @Test
    void anSqsOutageIsRiddenOutWithOneLineWhenItStartsAndOneWhenItEnds() throws Exception {
        Path results = work.resolve("results");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(ServiceCalls.class);
        logs.start();
        logger.addAppender(logs);
        // Commands run in this JVM by other tests may have set the project's log level to WARN.
        Level levelBefore = logger.getLevel();
        logger.setLevel(Level.INFO);
        try (RelayCloud cloud = new RelayCloud(samples, Set.of());
             // Short polls, so that the relay asks SQS during the outage rather than sit in a 20 s poll.
             Relay relay = Relay.start(cloud.config, options(results).withWaitSeconds(1))) {
            waitUntil(() -> cloud.messages(cloud.inputQueueUrl) == 0, Duration.ofMinutes(1)); // the test event
            cloud.cloud.stop(Service.SQS);
            waitUntil(() -> sqsLines(logs).size() == 1, Duration.ofMinutes(1));
            // Several backoff rounds (0.5, 1, 2, 4 s ...) go by with that one line and no other.
            org.awaitility.Awaitility.await("no second line while SQS is down").during(Duration.ofSeconds(6))
                    .atMost(Duration.ofSeconds(8)).until(() -> sqsLines(logs).size() == 1);
            cloud.cloud.start(Service.SQS);
            List<CourseLoad.Upload> some = uploads.subList(0, 5);
            cloud.upload(some);
            waitUntil(() -> txtFiles(results).size() == 5, Duration.ofMinutes(2));
            for (CourseLoad.Upload upload : some) {
                assertThat(ResultFileNames.resultFile(results, upload.key())).hasContent(upload.expectedLine());
            }
            // The loop that saw the outage says so when its own backoff ends, which may be after the results.
            waitUntil(() -> sqsLines(logs).size() >= 2, Duration.ofMinutes(1));
            List<ILoggingEvent> sqsLines = sqsLines(logs);
            assertThat(sqsLines).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
            assertThat(sqsLines.get(0).getFormattedMessage()).contains("cannot be reached");
            assertThat(sqsLines.get(1).getFormattedMessage()).contains("answers again");
        } finally {
            logger.detachAppender(logs);
            logger.setLevel(levelBefore);
        }
    }

    private static List<ILoggingEvent> sqsLines(ListAppender<ILoggingEvent> logs) {
        synchronized (logs) { // the appender appends under its own lock
            return logs.list.stream().filter(e -> e.getFormattedMessage().startsWith("SQS")).toList();
        }
    }
}
