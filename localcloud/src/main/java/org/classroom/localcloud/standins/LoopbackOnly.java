package org.classroom.localcloud.standins;

import java.lang.reflect.Field;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Makes a stand-in that binds every interface bind the loopback interface only: neither DynamoDB Local
 * nor local-s3 takes a host to listen on, and what they hold (student records, face encodings, clips)
 * must not be readable from the network. Written by hand because neither library offers it; the
 * reflective step is checked at start, and a listening-socket test catches a library update that breaks it.
 */
final class LoopbackOnly {

    static final String HOST = "127.0.0.1";

    private LoopbackOnly() {
    }

    /** Sets the host of every connector of the Jetty server held in one of {@code owner}'s fields, before it starts. */
    static void jetty(Object owner) {
        Server server = field(owner, Server.class);
        for (Connector connector : server.getConnectors()) {
            if (!(connector instanceof ServerConnector serverConnector)) {
                throw new IllegalStateException("unexpected connector " + connector + ": cannot keep it on loopback");
            }
            serverConnector.setHost(HOST);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T field(Object owner, Class<T> type) {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (type.isAssignableFrom(field.getType())) {
                    try {
                        field.setAccessible(true);
                        Object value = field.get(owner);
                        if (value != null) {
                            return (T) value;
                        }
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new IllegalStateException("cannot reach the " + type.getSimpleName() + " of " + owner, e);
                    }
                }
            }
        }
        throw new IllegalStateException(owner.getClass().getName() + " holds no " + type.getSimpleName()
                + ": the library changed, and it can no longer be kept on loopback");
    }
}
