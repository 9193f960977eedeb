package org.classroom.localcloud.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Runs a handler on a payload the way the Java Lambda runtime does: stream handlers get the bytes,
 * typed handlers get their input read with Lambda's own serialisation (the event classes' special
 * forms, else Jackson) and their output written the same way.
 */
final class HandlerRunner {

    private HandlerRunner() {
    }

    static byte[] run(Object handler, byte[] payload, Context context) throws Exception {
        if (handler instanceof RequestStreamHandler streamHandler) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            streamHandler.handleRequest(new ByteArrayInputStream(payload), out, context);
            return out.toByteArray();
        }
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> typed = (RequestHandler<Object, Object>) handler;
        Class<?> inputType = inputType(handler.getClass());
        Object input = isBlank(payload) ? null : serializer(inputType).fromJson(new ByteArrayInputStream(payload));
        Object output = typed.handleRequest(input, context);
        if (output == null) {
            return "null".getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        @SuppressWarnings("unchecked")
        PojoSerializer<Object> outputSerializer = (PojoSerializer<Object>) serializer(output.getClass());
        outputSerializer.toJson(output, out);
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static <T> PojoSerializer<T> serializer(Class<T> type) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return LambdaEventSerializers.serializerFor(type, type.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /** The {@code I} of {@code RequestHandler<I, O>}, looked up through the handler's class hierarchy. */
    static Class<?> inputType(Class<?> handlerClass) {
        for (Class<?> type = handlerClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Type generic : type.getGenericInterfaces()) {
                if (generic instanceof ParameterizedType parameterized
                        && parameterized.getRawType() == RequestHandler.class) {
                    Type input = parameterized.getActualTypeArguments()[0];
                    if (input instanceof Class<?> inputClass) {
                        return inputClass;
                    }
                    if (input instanceof ParameterizedType parameterizedInput
                            && parameterizedInput.getRawType() instanceof Class<?> raw) {
                        return raw;
                    }
                }
            }
        }
        return Object.class;
    }

    private static boolean isBlank(byte[] payload) {
        for (byte b : payload) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }
}
