package org.classroom.function.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Tells faults worth retrying (throttling, a 5xx, a timeout, a connection refused because a stand-in is
 * down) from faults that another attempt will not cure (access denied, no such bucket or table).
 */
public final class TransientFaults {

    private static final Set<String> TRANSIENT_CODES = Set.of(
            "RequestTimeout", "RequestTimeoutException", "SlowDown", "Throttling", "ThrottlingException",
            "ProvisionedThroughputExceededException", "RequestLimitExceeded", "ServiceUnavailable",
            "InternalError", "InternalFailure", "TransactionInProgressException");

    private TransientFaults() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsServiceException service) {
                return service.statusCode() >= 500 || service.statusCode() == 429 || service.isThrottlingException()
                        || (service.awsErrorDetails() != null && service.awsErrorDetails().errorCode() != null
                                && TRANSIENT_CODES.contains(service.awsErrorDetails().errorCode()));
            }
            if (cause instanceof ApiCallTimeoutException || cause instanceof ApiCallAttemptTimeoutException) {
                return true;
            }
            if (cause instanceof SdkClientException && hasIoCause(cause)) {
                return true;
            }
            if (cause instanceof IOException || cause instanceof UncheckedIOException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean hasIoCause(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
