package org.classroom.localcloud.functions;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Context} a locally invoked handler sees: its request id, its name, its time left, a logger. */
final class LocalContext implements Context {

    private final String requestId;
    private final LocalFunction function;
    private final long deadlineMillis;
    private final InvocationLog log;

    LocalContext(String requestId, LocalFunction function, long deadlineMillis, InvocationLog log) {
        this.requestId = requestId;
        this.function = function;
        this.deadlineMillis = deadlineMillis;
        this.log = log;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.name();
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]" + requestId;
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return function.arn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return log;
    }

    /** Lines a handler logs: to SLF4J under the function's name, and kept for {@code LogType=Tail}. */
    static final class InvocationLog implements LambdaLogger {

        private static final int TAIL_BYTES = 4096;

        private final Logger logger;
        private final StringBuilder lines = new StringBuilder();

        InvocationLog(String functionName) {
            this.logger = LoggerFactory.getLogger("lambda." + functionName);
        }

        @Override
        public synchronized void log(String message) {
            logger.info(message == null ? "null" : message.stripTrailing());
            lines.append(message);
            if (message != null && !message.endsWith("\n")) {
                lines.append('\n');
            }
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }

        /** The last 4 KB logged, as Lambda returns with {@code LogType=Tail}. */
        synchronized byte[] tail() {
            byte[] all = lines.toString().getBytes(StandardCharsets.UTF_8);
            if (all.length <= TAIL_BYTES) {
                return all;
            }
            byte[] tail = new byte[TAIL_BYTES];
            System.arraycopy(all, all.length - TAIL_BYTES, tail, 0, TAIL_BYTES);
            return tail;
        }
    }
}
