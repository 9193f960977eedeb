package org.classroom.relay.api;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.classroom.common.format.Json;
import org.classroom.relay.store.StoredResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends results to every connected SSE subscriber as {@code event: result}, with the result's
 * sequence number as the event id. A subscriber first gets what it missed (everything after its
 * {@code Last-Event-ID}). All sending happens on one thread of the hub's own, in order: a slow or
 * dead subscriber delays the others' events but never the recording of results, and an entry
 * announced while a subscriber was being replayed to is sent to it exactly once. A comment goes out
 * periodically so proxies keep idle connections open and dead ones are noticed.
 */
public final class EventHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    private final LongFunction<List<StoredResult>> since;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "relay-sse");
        thread.setDaemon(true);
        return thread;
    });

    /** @param since the stored entries after a sequence number, oldest first */
    public EventHub(LongFunction<List<StoredResult>> since, long heartbeatSeconds) {
        this.since = since;
        sender.scheduleAtFixedRate(this::beat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
    }

    /** Keeps the client's stream open, replays what it missed, then sends it every new entry. */
    public void subscribe(SseClient client, long lastEventId) {
        Subscriber subscriber = new Subscriber(client, lastEventId);
        client.keepAlive();
        client.onClose(() -> subscribers.remove(subscriber));
        run(() -> {
            for (StoredResult entry : since.apply(lastEventId)) {
                subscriber.send(entry);
            }
            subscribers.add(subscriber);
            LOG.debug("SSE subscriber from {} joined after event {}", client.ctx().ip(), lastEventId);
        });
    }

    /** Announces a new entry to every subscriber that has not had it yet; returns at once. */
    public void publish(StoredResult entry) {
        run(() -> {
            for (Subscriber subscriber : subscribers) {
                if (entry.seq() > subscriber.lastSent) {
                    subscriber.send(entry);
                }
            }
        });
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    private void beat() {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.client.terminated()) {
                subscribers.remove(subscriber);
            } else {
                subscriber.client.sendComment("keep-alive");
            }
        }
    }

    private void run(Runnable task) {
        try {
            sender.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.debug("Sending to an SSE subscriber failed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException closed) {
            // The hub is closing: nobody is listening any more.
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
        List<Subscriber> leaving = List.copyOf(subscribers);
        subscribers.clear();
        leaving.forEach(subscriber -> subscriber.client.close());
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

    /** Touched only on the sender thread, apart from removal. */
    private static final class Subscriber {
        private final SseClient client;
        private long lastSent;

        Subscriber(SseClient client, long lastSent) {
            this.client = client;
            this.lastSent = lastSent;
        }

        void send(StoredResult entry) {
            if (!client.terminated()) {
                client.sendEvent("result", Json.write(entry.result()), Long.toString(entry.seq()));
            }
            lastSent = entry.seq();
        }
    }
}
