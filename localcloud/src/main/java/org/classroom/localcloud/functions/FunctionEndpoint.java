package org.classroom.localcloud.functions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.classroom.common.format.Json;
import org.classroom.localcloud.edge.EdgeRequest;
import org.classroom.localcloud.edge.EdgeResponse;
import org.classroom.localcloud.edge.ErrorReplies;
import org.classroom.localcloud.edge.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda's Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}) and GetFunction, run
 * against handlers registered in this JVM. RequestResponse waits for the result; Event answers 202 and
 * runs the handler in the background; DryRun only checks. A handler's exception is a function error
 * (200 with {@code X-Amz-Function-Error}), as in Lambda. At most {@code concurrency} invocations run at
 * once; a synchronous call beyond that gets 429, an Event call waits its turn.
 */
public final class FunctionEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionEndpoint.class);
    private static final String PREFIX = "/2015-03-31/functions/";
    private static final String JSON = "application/json";

    private final Map<String, LocalFunction> functions = new ConcurrentHashMap<>();
    private final Semaphore slots;
    private final String region;
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "local-function-" + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public FunctionEndpoint(int concurrency, String region) {
        this.slots = new Semaphore(concurrency, true);
        this.region = region;
    }

    public void register(String name, Object handler, Duration timeout) {
        String arn = "arn:aws:lambda:" + region + ":000000000000:function:" + name;
        functions.put(name, new LocalFunction(name, handler, timeout, 3008, arn));
        LOG.info("function {} runs {}", name, handler.getClass().getName());
    }

    public void unregister(String name) {
        functions.remove(name);
    }

    public EdgeResponse handle(EdgeRequest request) {
        String rest = request.decodedPath().substring(Math.min(request.decodedPath().length(), PREFIX.length()));
        boolean invoke = rest.endsWith("/invocations");
        String name = functionName(invoke ? rest.substring(0, rest.length() - "/invocations".length()) : rest);
        Optional<LocalFunction> function = Optional.ofNullable(functions.get(name));
        if (function.isEmpty()) {
            return notFound(name);
        }
        if (invoke && request.method().equals("POST")) {
            return invoke(function.get(), request);
        }
        if (!invoke && request.method().equals("GET")) {
            return describe(function.get());
        }
        return ErrorReplies.error(Service.LAMBDA, 400, "InvalidParameterValueException",
                "the local Lambda supports Invoke and GetFunction only");
    }

    private EdgeResponse invoke(LocalFunction function, EdgeRequest request) {
        String type = request.header("X-Amz-Invocation-Type").orElse("RequestResponse");
        String requestId = UUID.randomUUID().toString();
        switch (type) {
            case "DryRun" -> {
                return withRequestId(EdgeResponse.empty(204), requestId);
            }
            case "Event" -> {
                workers.submit(() -> {
                    try {
                        slots.acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    try {
                        Outcome outcome = run(function, request.body(), requestId);
                        if (outcome.error() != null) {
                            LOG.warn("function {} (async, request {}) failed: {}", function.name(), requestId,
                                    new String(outcome.payload(), StandardCharsets.UTF_8));
                        }
                    } finally {
                        slots.release();
                    }
                });
                return withRequestId(EdgeResponse.empty(202), requestId);
            }
            case "RequestResponse" -> {
                if (!slots.tryAcquire()) {
                    EdgeResponse reply = EdgeResponse.of(429, JSON,
                            "{\"Type\":\"User\",\"message\":\"Rate Exceeded. The local cloud runs at most "
                                    + "its concurrency limit of invocations at once.\",\"Reason\":\"ConcurrentInvocationLimitExceeded\"}");
                    reply.header("x-amzn-ErrorType", "TooManyRequestsException");
                    return withRequestId(reply, requestId);
                }
                try {
                    Outcome outcome = run(function, request.body(), requestId);
                    EdgeResponse reply = EdgeResponse.of(200, JSON, outcome.payload());
                    reply.header("X-Amz-Executed-Version", "$LATEST");
                    if (outcome.error() != null) {
                        reply.header("X-Amz-Function-Error", outcome.error());
                    }
                    if ("Tail".equals(request.header("X-Amz-Log-Type").orElse(""))) {
                        reply.header("X-Amz-Log-Result", Base64.getEncoder().encodeToString(outcome.logTail()));
                    }
                    return withRequestId(reply, requestId);
                } finally {
                    slots.release();
                }
            }
            default -> {
                return ErrorReplies.error(Service.LAMBDA, 400, "InvalidParameterValueException",
                        "X-Amz-Invocation-Type must be RequestResponse, Event or DryRun, not " + type);
            }
        }
    }

    /** The handler's result or the error document Lambda would return, with the error kind. */
    private record Outcome(byte[] payload, String error, byte[] logTail) {
    }

    private Outcome run(LocalFunction function, byte[] payload, String requestId) {
        long deadline = System.currentTimeMillis() + function.timeout().toMillis();
        LocalContext.InvocationLog log = new LocalContext.InvocationLog(function.name());
        LocalContext context = new LocalContext(requestId, function, deadline, log);
        Future<byte[]> result = workers.submit(() -> HandlerRunner.run(function.handler(), payload, context));
        try {
            return new Outcome(result.get(function.timeout().toMillis(), TimeUnit.MILLISECONDS), null, log.tail());
        } catch (TimeoutException e) {
            result.cancel(true);
            String message = String.format("Task timed out after %.2f seconds", function.timeout().toMillis() / 1000.0);
            return new Outcome(("{\"errorMessage\":\"" + message + "\",\"errorType\":\"Sandbox.Timedout\"}")
                    .getBytes(StandardCharsets.UTF_8), "Unhandled", log.tail());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.debug("function {} threw", function.name(), cause);
            return new Outcome(errorDocument(cause), "Unhandled", log.tail());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            return new Outcome(errorDocument(e), "Unhandled", log.tail());
        }
    }

    static byte[] errorDocument(Throwable error) {
        return Json.write(errorNode(error)).getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode errorNode(Throwable error) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("errorMessage", error.getMessage() == null ? error.toString() : error.getMessage());
        node.put("errorType", error.getClass().getName());
        ArrayNode trace = node.putArray("stackTrace");
        for (StackTraceElement element : error.getStackTrace()) {
            trace.add(element.toString());
        }
        if (error.getCause() != null && error.getCause() != error) {
            node.set("cause", errorNode(error.getCause()));
        }
        return node;
    }

    private EdgeResponse describe(LocalFunction function) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode configuration = root.putObject("Configuration");
        configuration.put("FunctionName", function.name());
        configuration.put("FunctionArn", function.arn());
        configuration.put("Runtime", "java17");
        configuration.put("Handler", function.handler().getClass().getName());
        configuration.put("Timeout", function.timeout().toSeconds());
        configuration.put("MemorySize", function.memoryMb());
        configuration.put("State", "Active");
        configuration.put("Version", "$LATEST");
        return EdgeResponse.of(200, JSON, Json.write(root));
    }

    private EdgeResponse notFound(String name) {
        EdgeResponse reply = EdgeResponse.of(404, JSON, "{\"Type\":\"User\",\"message\":\"Function not found: arn:aws:lambda:"
                + region + ":000000000000:function:" + ErrorReplies.jsonEscape(name) + "\"}");
        reply.header("x-amzn-ErrorType", "ResourceNotFoundException");
        return reply;
    }

    private static EdgeResponse withRequestId(EdgeResponse reply, String requestId) {
        return reply.header("x-amzn-RequestId", requestId);
    }

    /** A function name from a name, a partial or full ARN, with or without a qualifier. */
    static String functionName(String reference) {
        String name = reference;
        int marker = name.indexOf(":function:");
        if (marker >= 0) {
            name = name.substring(marker + ":function:".length());
        } else if (name.startsWith("function:")) {
            name = name.substring("function:".length());
        }
        int qualifier = name.indexOf(':');
        return qualifier >= 0 ? name.substring(0, qualifier) : name;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
