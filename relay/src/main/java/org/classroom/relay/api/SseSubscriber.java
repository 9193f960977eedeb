package org.classroom.relay.api;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.classroom.common.format.Json;
import org.classroom.relay.store.StoredResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSE client and the thread that writes to it: first its replay, then new entries from a bounded
 * backlog, and a keep-alive comment whenever the stream has been quiet for a heartbeat. A client that
 * stops reading blocks only this thread.
 */
final class SseSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(SseSubscriber.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final SseClient client;
    private final BlockingQueue<StoredResult> backlog;
    private final long heartbeatSeconds;
    private final Consumer<SseSubscriber> onStop;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final String address;
    private volatile Thread thread;

    SseSubscriber(SseClient client, int backlog, long heartbeatSeconds, Consumer<SseSubscriber> onStop) {
        this.client = client;
        this.backlog = new ArrayBlockingQueue<>(backlog);
        this.heartbeatSeconds = heartbeatSeconds;
        this.onStop = onStop;
        this.address = client.ctx().ip();
    }

    String address() {
        return address;
    }

    /** Starts writing: the replay (read on this subscriber's thread), then the backlog. */
    void start(Supplier<List<StoredResult>> replay) {
        Thread writer = new Thread(() -> run(replay), "relay-sse-" + THREADS.incrementAndGet());
        writer.setDaemon(true);
        thread = writer;
        writer.start();
    }

    /** Queues a new entry; false when the backlog is full (the client is too far behind). */
    boolean offer(StoredResult entry) {
        return stopped.get() || backlog.offer(entry);
    }

    /** Ends the stream (idempotent): the writer stops, the connection is closed. */
    void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        onStop.accept(this);
        Thread writer = thread;
        if (writer != null && writer != Thread.currentThread()) {
            writer.interrupt();
        }
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing an SSE stream: {}", e.toString());
        }
    }

    private void run(Supplier<List<StoredResult>> replay) {
        try {
            long replayedUpTo = 0;
            for (StoredResult entry : replay.get()) {
                send(entry);
                replayedUpTo = entry.seq();
            }
            while (!stopped.get() && !client.terminated()) {
                StoredResult next = backlog.poll(heartbeatSeconds, TimeUnit.SECONDS);
                if (next == null) {
                    client.sendComment("keep-alive");
                } else if (next.seq() > replayedUpTo) {
                    // Entries announced while the replay was read may be in both: each goes out once.
                    send(next);
                }
            }
        } catch (InterruptedException e) {
            // Stopped.
        } catch (RuntimeException e) {
            LOG.debug("Sending to the SSE subscriber from {} failed: {}", address, e.toString());
        } finally {
            stop();
        }
    }

    private void send(StoredResult entry) {
        if (stopped.get() || client.terminated()) {
            throw new IllegalStateException("stream closed");
        }
        client.sendEvent("result", Json.write(entry.result()), Long.toString(entry.seq()));
    }
}
