package org.classroom.function.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class FaultsAndRetriesTest {

    @Test
    void serverErrorsThrottlingTimeoutsAndConnectionFailuresAreTransient() {
        assertThat(TransientFaults.isTransient(s3Error(503, "ServiceUnavailable"))).isTrue();
        assertThat(TransientFaults.isTransient(s3Error(500, "InternalError"))).isTrue();
        assertThat(TransientFaults.isTransient(s3Error(400, "RequestTimeout"))).isTrue();
        assertThat(TransientFaults.isTransient(s3Error(429, "TooManyRequests"))).isTrue();
        assertThat(TransientFaults.isTransient(ApiCallTimeoutException.create(1000))).isTrue();
        assertThat(TransientFaults.isTransient(SdkClientException.builder()
                .message("Unable to execute HTTP request").cause(new ConnectException("refused")).build())).isTrue();
        assertThat(TransientFaults.isTransient(new java.io.UncheckedIOException(new IOException("reset")))).isTrue();
    }

    @Test
    void faultsThatAnotherAttemptWillNotCureAreNot() {
        assertThat(TransientFaults.isTransient(s3Error(403, "AccessDenied"))).isFalse();
        assertThat(TransientFaults.isTransient(s3Error(404, "NoSuchBucket"))).isFalse();
        // A HEAD refused: no body, so no error code at all.
        assertThat(TransientFaults.isTransient(s3Error(403, null))).isFalse();
        assertThat(TransientFaults.isTransient(ResourceNotFoundException.builder().statusCode(400)
                .message("no such table").build())).isFalse();
        assertThat(TransientFaults.isTransient(SdkClientException.create("Unable to load region"))).isFalse();
        assertThat(TransientFaults.isTransient(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void transientFaultsAreRetriedUntilTheyPass() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(3, Duration.ZERO);

        String answer = retrier.call(() -> {
            if (calls.incrementAndGet() < 3) {
                throw s3Error(503, "ServiceUnavailable");
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(calls).hasValue(3);
    }

    @Test
    void afterTheLastAttemptTheFaultIsThrownAsItCame() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(3, Duration.ofMillis(1));

        assertThatThrownBy(() -> retrier.run(() -> {
            calls.incrementAndGet();
            throw s3Error(503, "ServiceUnavailable");
        })).isInstanceOf(S3Exception.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void permanentFaultsAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        Retrier retrier = new Retrier(5, Duration.ZERO);

        assertThatThrownBy(() -> retrier.run(() -> {
            calls.incrementAndGet();
            throw s3Error(403, "AccessDenied");
        })).isInstanceOf(S3Exception.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void checkedFaultsComeBackUnwrapped() {
        Retrier retrier = new Retrier(2, Duration.ZERO);

        assertThatThrownBy(() -> retrier.call(() -> {
            throw new IOException("disk full");
        })).hasMessage("disk full").hasCauseInstanceOf(IOException.class);
    }

    @Test
    void settingsComeFromTheEnvironmentWithDefaults() {
        assertThat(FunctionSettings.fromEnvironment(Map.of())).isEqualTo(FunctionSettings.defaults());
        FunctionSettings settings = FunctionSettings.fromEnvironment(Map.of(
                "CLASSROOM_GALLERY_REFRESH_SECONDS", "5", "CLASSROOM_RETRY_ATTEMPTS", "7",
                "CLASSROOM_RETRY_DELAY_MS", "10", "CLASSROOM_FUNCTION_THREADS", "2", "CLASSROOM_TIME_RESERVE_SECONDS", "0"));
        assertThat(settings).isEqualTo(new FunctionSettings(Duration.ofSeconds(5), 7, Duration.ofMillis(10), 2, Duration.ZERO, FunctionSettings.DEFAULT_CLAIM_LEASE,
                FunctionSettings.DEFAULT_MAX_VIDEO_BYTES, 3840L * 2160, Duration.ofMinutes(10), FanOutSettings.defaults()));
        assertThat(FunctionSettings.fromEnvironment(Map.of("CLASSROOM_SEGMENT_SECONDS", "120",
                "CLASSROOM_MAX_SEGMENTS", "4", "CLASSROOM_SEGMENT_ATTEMPTS", "3")).fanOut())
                .isEqualTo(new FanOutSettings(120, 4, 3));
        assertThat(FunctionSettings.fromEnvironment(Map.of("CLASSROOM_SEGMENT_SECONDS", "0")).fanOut().enabled())
                .as("0 turns fan-out off").isFalse();
        FunctionSettings limited = FunctionSettings.fromEnvironment(Map.of(
                "CLASSROOM_MAX_FRAME_PIXELS", "2073600", "CLASSROOM_VIDEO_DEADLINE_SECONDS", "90"));
        assertThat(limited.videoLimits().maxFramePixels()).isEqualTo(1920L * 1080);
        assertThat(limited.videoLimits().deadline()).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> FunctionSettings.fromEnvironment(Map.of("CLASSROOM_VIDEO_DEADLINE_SECONDS", "0")))
                .hasMessageContaining("CLASSROOM_VIDEO_DEADLINE_SECONDS");
        assertThatThrownBy(() -> FunctionSettings.fromEnvironment(Map.of("CLASSROOM_RETRY_ATTEMPTS", "lots")))
                .hasMessageContaining("CLASSROOM_RETRY_ATTEMPTS").hasMessageContaining("lots");
        assertThatThrownBy(() -> FunctionSettings.fromEnvironment(Map.of("CLASSROOM_FUNCTION_THREADS", "0")))
                .hasMessageContaining("CLASSROOM_FUNCTION_THREADS");
    }

    private static S3Exception s3Error(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build())
                .message(code).build();
    }
}
