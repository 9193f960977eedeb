package org.classroom.relay.intake;

import org.classroom.relay.aws.ServiceCalls;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** Invokes a Lambda function (or the local cloud's stand-in) with RequestResponse. */
public final class LambdaInvoker implements FunctionInvoker {

    private final LambdaClient lambda;
    private final ServiceCalls calls;
    private final String function;

    public LambdaInvoker(LambdaClient lambda, ServiceCalls calls, String function) {
        this.lambda = lambda;
        this.calls = calls;
        this.function = function;
    }

    @Override
    public FunctionReply invoke(String event) {
        InvokeResponse response = calls.call("invoke " + function, () -> lambda.invoke(r -> r
                .functionName(function)
                .invocationType(InvocationType.REQUEST_RESPONSE)
                .payload(SdkBytes.fromUtf8String(event))));
        String payload = response.payload() == null ? "" : response.payload().asUtf8String();
        return new FunctionReply(response.functionError(), payload);
    }
}
