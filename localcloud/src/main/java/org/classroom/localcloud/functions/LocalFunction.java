package org.classroom.localcloud.functions;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.time.Duration;

/**
 * A function registered with the local cloud: a handler object run in-process.
 *
 * @param name     the function name clients invoke
 * @param handler  a {@link RequestStreamHandler} or a {@link RequestHandler}
 * @param timeout  how long one invocation may run
 * @param memoryMb what {@code Context.getMemoryLimitInMB()} reports
 * @param arn      the function's ARN in the local account
 */
public record LocalFunction(String name, Object handler, Duration timeout, int memoryMb, String arn) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public LocalFunction {
        if (!(handler instanceof RequestStreamHandler) && !(handler instanceof RequestHandler<?, ?>)) {
            throw new IllegalArgumentException("function " + name + ": the handler must implement RequestStreamHandler or "
                    + "RequestHandler, not " + (handler == null ? "null" : handler.getClass().getName()));
        }
    }
}
