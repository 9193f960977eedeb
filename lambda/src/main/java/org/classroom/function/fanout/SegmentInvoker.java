package org.classroom.function.fanout;

import org.classroom.face.segment.PartialResult;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Has another invocation of this function do a segment (Invoke, RequestResponse) and reads its partial result.
 * A throttled invocation is told apart from a failed one: the coordinator then does the segment itself, which
 * is what keeps a concurrency limit of one (the local cloud on a small machine) from deadlocking.
 */
public final class SegmentInvoker {

    private final LambdaClient lambda;
    private final String functionName;

    public SegmentInvoker(LambdaClient lambda, String functionName) {
        this.lambda = lambda;
        this.functionName = functionName;
    }

    /**
     * @throws Throttled     when no invocation could be started now
     * @throws RuntimeException when the invocation failed (a function error, or the call itself)
     */
    public PartialResult invoke(SegmentRequest request) {
        InvokeResponse response;
        try {
            response = lambda.invoke(call -> call.functionName(functionName).invocationType(InvocationType.REQUEST_RESPONSE)
                    .payload(SdkBytes.fromUtf8String(request.toJson())));
        } catch (TooManyRequestsException e) {
            throw new Throttled(e);
        }
        String payload = response.payload() == null ? "" : response.payload().asUtf8String();
        if (response.functionError() != null) {
            throw new IllegalStateException(request.segment() + " failed in its invocation (" + response.functionError()
                    + "): " + payload);
        }
        return PartialResults.read(payload);
    }

    /** No invocation could be started now (the function's concurrency is used up). */
    public static final class Throttled extends RuntimeException {
        Throttled(Throwable cause) {
            super("the function's concurrency is used up: " + cause.getMessage(), cause);
        }
    }
}
