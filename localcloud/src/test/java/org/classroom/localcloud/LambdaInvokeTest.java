package org.classroom.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.format.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** The local Lambda Invoke API, called through the real {@link LambdaClient}. */
class LambdaInvokeTest {

    private static final CountDownLatch EVENT_RAN = new CountDownLatch(1);
    private static final CountDownLatch BLOCKED_STARTED = new CountDownLatch(2);
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    private static LocalCloud cloud;
    private static LambdaClient lambda;

    @BeforeAll
    static void startCloud() {
        cloud = LocalCloud.start(LocalCloudOptions.ephemeral().withConcurrency(2));
        lambda = new AwsClients(cloud.config(TestConfigs.defaults())).lambda();
        cloud.registerFunction("shout", new Shout());
        cloud.registerFunction("count-messages", new CountMessages());
        cloud.registerFunction("greet", new Greet());
        cloud.registerFunction("fail", (RequestStreamHandler) (in, out, context) -> {
            throw new IllegalStateException("the video could not be read");
        });
        cloud.registerFunction("context", (RequestStreamHandler) (in, out, context) -> out.write(Json.write(java.util.Map.of(
                "name", context.getFunctionName(),
                "requestId", context.getAwsRequestId(),
                "remaining", context.getRemainingTimeInMillis())).getBytes(StandardCharsets.UTF_8)));
        cloud.registerFunction("slow", (RequestStreamHandler) (in, out, context) -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, java.time.Duration.ofSeconds(1));
        cloud.registerFunction("event", (RequestStreamHandler) (in, out, context) -> EVENT_RAN.countDown());
        cloud.registerFunction("blocked", (RequestStreamHandler) (in, out, context) -> {
            BLOCKED_STARTED.countDown();
            try {
                RELEASE.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @AfterAll
    static void stopCloud() {
        lambda.close();
        cloud.close();
    }

    @Test
    void aStreamHandlerGetsThePayloadAndReturnsItsOutput() {
        InvokeResponse response = lambda.invoke(request -> request.functionName("shout")
                .payload(SdkBytes.fromUtf8String("\"hello\"")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.payload().asUtf8String()).isEqualTo("\"HELLO\"");
    }

    @Test
    void aTypedHandlerGetsAnSqsEventReadWithLambdasOwnSerialisation() throws Exception {
        String payload = "{\"Records\":[{\"messageId\":\"m1\",\"receiptHandle\":\"r1\",\"body\":\"first\",\"eventSource\":\"aws:sqs\"},"
                + "{\"messageId\":\"m2\",\"receiptHandle\":\"r2\",\"body\":\"second\",\"eventSource\":\"aws:sqs\"}]}";

        InvokeResponse response = lambda.invoke(request -> request.functionName("count-messages")
                .payload(SdkBytes.fromUtf8String(payload)));

        JsonNode output = Json.mapper().readTree(response.payload().asUtf8String());
        assertThat(response.functionError()).isNull();
        assertThat(output.path("count").asInt()).isEqualTo(2);
        assertThat(output.path("bodies")).extracting(JsonNode::asText).containsExactly("first", "second");
    }

    @Test
    void aTypedHandlerWithPlainJavaTypesUsesJackson() throws Exception {
        InvokeResponse response = lambda.invoke(request -> request.functionName("arn:aws:lambda:us-east-1:000000000000:function:greet")
                .payload(SdkBytes.fromUtf8String("{\"name\":\"Ada\",\"times\":2}")));

        JsonNode output = Json.mapper().readTree(response.payload().asUtf8String());
        assertThat(output.path("text").asText()).isEqualTo("hello Ada hello Ada");
    }

    @Test
    void aHandlerExceptionIsAFunctionErrorNotAnHttpFailure() throws Exception {
        InvokeResponse response = lambda.invoke(request -> request.functionName("fail")
                .payload(SdkBytes.fromUtf8String("{}")));

        JsonNode error = Json.mapper().readTree(response.payload().asUtf8String());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(error.path("errorMessage").asText()).isEqualTo("the video could not be read");
        assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.path("stackTrace").isArray()).isTrue();
    }

    @Test
    void aHandlerRunningPastItsTimeoutIsAFunctionError() {
        InvokeResponse response = lambda.invoke(request -> request.functionName("slow").payload(SdkBytes.fromUtf8String("{}")));

        assertThat(response.functionError()).isEqualTo("Unhandled");
        assertThat(response.payload().asUtf8String()).contains("Task timed out after 1.00 seconds");
    }

    @Test
    void theHandlerSeesAContextWithItsNameRequestIdAndTimeLeft() throws Exception {
        InvokeResponse response = lambda.invoke(request -> request.functionName("context").payload(SdkBytes.fromUtf8String("{}")));

        JsonNode context = Json.mapper().readTree(response.payload().asUtf8String());
        assertThat(context.path("name").asText()).isEqualTo("context");
        assertThat(context.path("requestId").asText()).isNotBlank().isEqualTo(response.responseMetadata().requestId());
        assertThat(context.path("remaining").asInt()).isPositive();
    }

    @Test
    void anUnknownFunctionIsResourceNotFound() {
        assertThatThrownBy(() -> lambda.invoke(request -> request.functionName("no-such-function")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("no-such-function");
    }

    @Test
    void anEventInvocationAnswers202AndRunsInTheBackground() throws Exception {
        InvokeResponse response = lambda.invoke(request -> request.functionName("event")
                .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{}")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(EVENT_RAN.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aDryRunAnswers204WithoutRunning() {
        InvokeResponse response = lambda.invoke(request -> request.functionName("shout")
                .invocationType(InvocationType.DRY_RUN));

        assertThat(response.statusCode()).isEqualTo(204);
    }

    @Test
    void invocationsBeyondTheConcurrencyLimitAreThrottled() throws Exception {
        List<CompletableFuture<InvokeResponse>> running = List.of(
                CompletableFuture.supplyAsync(() -> lambda.invoke(request -> request.functionName("blocked"))),
                CompletableFuture.supplyAsync(() -> lambda.invoke(request -> request.functionName("blocked"))));
        try {
            assertThat(BLOCKED_STARTED.await(30, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> lambda.invoke(request -> request.functionName("shout")
                    .payload(SdkBytes.fromUtf8String("\"x\""))))
                    .isInstanceOfSatisfying(TooManyRequestsException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(429));
        } finally {
            RELEASE.countDown();
        }
        for (CompletableFuture<InvokeResponse> call : running) {
            assertThat(call.get(1, TimeUnit.MINUTES).statusCode()).isEqualTo(200);
        }
    }

    /** Upper-cases a JSON string. */
    static final class Shout implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) throws java.io.IOException {
            String text = Json.mapper().readTree(in).asText();
            out.write(Json.write(text.toUpperCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Counts the messages of an SQS event. */
    static final class CountMessages implements RequestHandler<SQSEvent, java.util.Map<String, Object>> {
        @Override
        public java.util.Map<String, Object> handleRequest(SQSEvent event, Context context) {
            return java.util.Map.of("count", event.getRecords().size(),
                    "bodies", event.getRecords().stream().map(SQSEvent.SQSMessage::getBody).toList());
        }
    }

    /** Plain Java types in and out. */
    static final class Greet implements RequestHandler<Greet.Request, Greet.Reply> {
        public static final class Request {
            public String name;
            public int times;
        }

        public static final class Reply {
            public String text;
        }

        @Override
        public Reply handleRequest(Request request, Context context) {
            Reply reply = new Reply();
            reply.text = String.join(" ", java.util.Collections.nCopies(request.times, "hello " + request.name));
            return reply;
        }
    }
}
