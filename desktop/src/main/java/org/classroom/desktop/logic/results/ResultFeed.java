package org.classroom.desktop.logic.results;

import java.util.function.Consumer;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.model.Connection;

/** Where results come from: the relay's event stream, or the results table when there is no relay. */
public interface ResultFeed extends AutoCloseable {

    /**
     * Starts delivering on a background thread. Both consumers are called from that thread.
     * A result may be delivered more than once (after a reconnect); the latest one for a video wins.
     */
    void start(Consumer<VideoResult> results, Consumer<Connection> connection);

    @Override
    void close();
}
