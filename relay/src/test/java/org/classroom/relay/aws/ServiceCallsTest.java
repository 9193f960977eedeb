package org.classroom.relay.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class ServiceCallsTest {

    final Backoff quick = new Backoff(Duration.ofMillis(5), Duration.ofMillis(20));
    final AtomicBoolean running = new AtomicBoolean(true);
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(ServiceCalls.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    static AwsServiceException status(int code) {
        return AwsServiceException.builder().statusCode(code).message("status " + code).build();
    }

    @Test
    void retriesThroughAnOutageAndLogsItOnceEachWay() {
        ServiceCalls calls = new ServiceCalls("SQS", quick, running::get);
        AtomicInteger attempts = new AtomicInteger();
        String answer = calls.call("receive", () -> {
            int attempt = attempts.incrementAndGet();
            if (attempt <= 3) {
                throw SdkClientException.create("Connection refused");
            }
            if (attempt <= 6) {
                throw status(503);
            }
            return "messages";
        });
        assertThat(answer).isEqualTo("messages");
        assertThat(attempts).hasValue(7);
        assertThat(logs.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
        assertThat(logs.list.get(0).getFormattedMessage()).contains("SQS cannot be reached").contains("Connection refused");
        assertThat(logs.list.get(1).getFormattedMessage()).contains("SQS answers again");
        assertThat(calls.down()).isFalse();
    }

    @Test
    void throttlingIsRetriedQuietly() {
        ServiceCalls calls = new ServiceCalls("Lambda", quick, running::get);
        AtomicInteger attempts = new AtomicInteger();
        assertThat(calls.call("invoke", () -> {
            if (attempts.incrementAndGet() < 4) {
                throw status(429);
            }
            return "done";
        })).isEqualTo("done");
        assertThat(attempts).hasValue(4);
        assertThat(logs.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.INFO));
    }

    @Test
    void aClientErrorIsNotAnOutage() {
        ServiceCalls calls = new ServiceCalls("Lambda", quick, running::get);
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> calls.call("invoke", () -> {
            attempts.incrementAndGet();
            throw status(404);
        })).isInstanceOf(AwsServiceException.class);
        assertThat(attempts).hasValue(1);
        assertThat(logs.list).isEmpty();
        assertThat(ServiceCalls.isOutage(status(429))).isTrue();
        assertThat(ServiceCalls.isOutage(status(500))).isTrue();
        assertThat(ServiceCalls.isOutage(status(400))).isFalse();
    }

    @Test
    void stoppingTheRelayEndsTheWait() {
        ServiceCalls calls = new ServiceCalls("SQS", quick, running::get);
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> calls.call("receive", () -> {
            if (attempts.incrementAndGet() == 3) {
                running.set(false);
            }
            throw SdkClientException.create("Connection refused");
        })).isInstanceOf(ServiceCalls.StoppedException.class);
        assertThat(attempts).hasValue(3);
        assertThat(calls.down()).isTrue();
    }

    @Test
    void aBoundedServiceGivesUpAfterItsAttemptsWithTheLastFailure() {
        // The function's invocations: the SDK retries inside each call, so the relay's own retries are few.
        ServiceCalls calls = ServiceCalls.bounded("Lambda", quick, running::get, 3);
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> calls.call("invoke", () -> {
            attempts.incrementAndGet();
            throw SdkClientException.create("Connection refused");
        })).isInstanceOf(SdkClientException.class).hasMessageContaining("Connection refused");
        assertThat(attempts).hasValue(3);
        assertThat(calls.down()).isTrue();
    }
}
