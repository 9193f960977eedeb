package org.classroom.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.LongSupplier;
import org.classroom.common.format.Json;
import org.classroom.face.segment.PartialResult;
import org.classroom.function.event.EventParser;
import org.classroom.function.event.InvocationEvent;
import org.classroom.function.fanout.SegmentRequest;
import org.classroom.function.process.MessageReport;
import org.classroom.function.process.ObjectOutcome;
import org.classroom.function.runtime.LambdaEnvironment;

/**
 * The Lambda function's entry point ({@code org.classroom.function.RecogniseHandler::handleRequest}).
 * Takes an SQS event of S3 notifications, a direct S3 event, or {@code {"bucket","key"}}; and from the
 * coordinator of a long recording, a {@link SegmentRequest}, answered with that segment's partial result. For an SQS
 * event it answers with an SQS batch response listing only the messages that failed; for the other
 * shapes it answers with a summary, or fails the invocation (so Lambda retries it) when an object failed.
 */
public final class RecogniseHandler implements RequestStreamHandler {

    static {
        LambdaEnvironment.prepare();
    }

    private final FunctionRuntime runtime;
    private final EventParser parser = new EventParser();

    /** Used by the Lambda runtime: one {@link FunctionRuntime} per container, made on first use. */
    public RecogniseHandler() {
        this(ContainerRuntime.get());
    }

    /** Used by the local cloud and tests: the given runtime, which the caller closes. */
    public RecogniseHandler(FunctionRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(input);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the event is not JSON: " + e.getOriginalMessage(), e);
        }
        if (SegmentRequest.isOne(root)) {
            // A coordinator's request for one segment of a long recording: answered with its partial result.
            PartialResult partial = runtime.segment(SegmentRequest.from(root));
            output.write(Json.write(partial).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            output.flush();
            return;
        }
        InvocationEvent event = parser.parse(root);
        List<MessageReport> reports = runtime.run(event, remaining(context));
        JsonNode response = event.shape() == InvocationEvent.Shape.SQS ? batchResponse(reports) : summary(reports);
        output.write(Json.write(response).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        output.flush();
    }

    /** The SQS batch response: only failed messages are retried by the queue. */
    static ObjectNode batchResponse(List<MessageReport> reports) {
        ObjectNode response = Json.mapper().createObjectNode();
        ArrayNode failures = response.putArray("batchItemFailures");
        for (MessageReport report : reports) {
            if (report.failed()) {
                failures.addObject().put("itemIdentifier", report.messageId());
            }
        }
        return response;
    }

    private static ObjectNode summary(List<MessageReport> reports) {
        List<String> failures = reports.stream().flatMap(report -> report.failures().stream()).toList();
        if (!failures.isEmpty()) {
            throw new ObjectsFailedException(failures);
        }
        ObjectNode response = Json.mapper().createObjectNode();
        ArrayNode objects = response.putArray("objects");
        for (MessageReport report : reports) {
            for (ObjectOutcome outcome : report.outcomes()) {
                ObjectNode entry = objects.addObject();
                entry.put("bucket", outcome.object().bucket());
                entry.put("key", outcome.object().key());
                entry.put("outcome", outcome.kind().label());
                if (outcome.result() != null) {
                    entry.set("result", Json.mapper().valueToTree(outcome.result()));
                }
            }
        }
        return response;
    }

    private static LongSupplier remaining(Context context) {
        return context == null ? () -> Long.MAX_VALUE : () -> context.getRemainingTimeInMillis();
    }

    /** Objects of a direct event failed after retries; failing the invocation lets Lambda retry it. */
    public static final class ObjectsFailedException extends RuntimeException {
        ObjectsFailedException(List<String> failures) {
            super(failures.size() + (failures.size() == 1 ? " object" : " objects") + " failed: " + String.join("; ", failures));
        }
    }

    /** The container's runtime, made when the first handler is, so a cold start pays for it at init. */
    private static final class ContainerRuntime {
        private static final FunctionRuntime INSTANCE = make();

        static FunctionRuntime get() {
            return INSTANCE;
        }

        private static FunctionRuntime make() {
            FunctionRuntime runtime = FunctionRuntime.fromEnvironment();
            runtime.preloadGallery();
            return runtime;
        }
    }
}
