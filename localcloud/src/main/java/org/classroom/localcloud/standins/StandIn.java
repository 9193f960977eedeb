package org.classroom.localcloud.standins;

import java.net.URI;

/** One embedded service on a loopback port of its own, behind the edge. */
public interface StandIn extends AutoCloseable {

    /** Where the edge forwards to, e.g. {@code http://127.0.0.1:41234}. */
    URI address();

    @Override
    void close();
}
