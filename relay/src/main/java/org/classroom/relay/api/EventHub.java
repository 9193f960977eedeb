package org.classroom.relay.api;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.classroom.relay.store.StoredResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends results to every connected SSE subscriber as {@code event: result}, with the result's
 * sequence number as the event id. A subscriber first gets what it missed (what the store replays
 * after its {@code Last-Event-ID}), then every new entry. Each subscriber is written to by a thread
 * of its own from a bounded backlog, so a slow or stalled one delays nobody else; one whose backlog
 * overflows is disconnected and catches up by reconnecting with its {@code Last-Event-ID}.
 * Announcing never blocks, so it never holds up the recording of results.
 */
public final class EventHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    private final LongFunction<List<StoredResult>> replay;
    private final long heartbeatSeconds;
    private final int backlog;
    private final Set<SseSubscriber> subscribers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param replay           what a subscriber that last saw an id missed, oldest first
     * @param heartbeatSeconds how long a stream may stay silent before a keep-alive comment
     * @param backlog          new entries a subscriber may fall behind by before it is disconnected
     */
    public EventHub(LongFunction<List<StoredResult>> replay, long heartbeatSeconds, int backlog) {
        this.replay = replay;
        this.heartbeatSeconds = heartbeatSeconds;
        this.backlog = backlog;
    }

    /** Keeps the client's stream open, replays what it missed, then sends it every new entry. */
    public void subscribe(SseClient client, long lastEventId) {
        client.keepAlive();
        if (closed) {
            client.close();
            return;
        }
        SseSubscriber subscriber = new SseSubscriber(client, backlog, heartbeatSeconds, subscribers::remove);
        client.onClose(subscriber::stop);
        // Listed before the replay is read, so an entry announced meanwhile reaches it one way or the other.
        subscribers.add(subscriber);
        subscriber.start(() -> replay.apply(lastEventId));
        LOG.debug("SSE subscriber from {} joined after event {}", client.ctx().ip(), lastEventId);
    }

    /** Hands a new entry to every subscriber; returns at once. Call in sequence order. */
    public void publish(StoredResult entry) {
        for (SseSubscriber subscriber : subscribers) {
            if (!subscriber.offer(entry)) {
                LOG.info("SSE subscriber from {} fell more than {} results behind and is disconnected; "
                        + "it catches up by reconnecting with its Last-Event-ID", subscriber.address(), backlog);
                subscriber.stop();
            }
        }
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public void close() {
        closed = true;
        List<SseSubscriber> leaving = List.copyOf(subscribers);
        subscribers.clear();
        leaving.forEach(SseSubscriber::stop);
    }

    /** Parses a {@code Last-Event-ID} header; anything unusable means "from the start". */
    public static long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
