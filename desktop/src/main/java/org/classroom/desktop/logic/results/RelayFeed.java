package org.classroom.desktop.logic.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import com.fasterxml.jackson.core.type.TypeReference;
import org.classroom.common.format.Json;
import org.classroom.common.model.VideoResult;
import org.classroom.common.tls.RelayHttp;
import org.classroom.desktop.model.Connection;
import org.classroom.desktop.model.ConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the relay's results: first {@code GET /api/results} (everything so far), then the server-sent
 * events of {@code GET /api/events}. When the stream ends or cannot be opened it says so and tries again
 * with a growing delay, sending {@code Last-Event-ID} so that the relay replays what was missed. A stream
 * silent for longer than the idle timeout (the relay sends a comment every 15 s) counts as lost: that is
 * how a relay whose machine vanished without closing the connection is noticed.
 */
public final class RelayFeed implements ResultFeed {

    private static final Logger LOG = LoggerFactory.getLogger(RelayFeed.class);

    /** Three of the relay's 15-second heartbeats. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(45);

    private final URI base;
    private final String token;
    private final Backoff backoff;
    private final Duration idleTimeout;
    private final HttpClient http;
    private final SseParser parser = new SseParser();

    private volatile boolean closed;
    private volatile boolean connectedOnce;
    private volatile Thread worker;
    private volatile Stream<String> openStream;
    private volatile long lastLineNanos;
    private volatile boolean idleCut;

    public RelayFeed(URI base, String token) {
        this(base, token, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5)));
    }

    public RelayFeed(URI base, String token, Backoff backoff) {
        this(base, token, backoff, DEFAULT_IDLE_TIMEOUT);
    }

    public RelayFeed(URI base, String token, Backoff backoff, Duration idleTimeout) {
        this(base, token, null, backoff, idleTimeout);
    }

    /** {@code fingerprint}: the relay certificate's SHA-256 to trust alone (relay.fingerprint), or null for the JDK's CAs. */
    public RelayFeed(URI base, String token, String fingerprint) {
        this(base, token, fingerprint, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5)), DEFAULT_IDLE_TIMEOUT);
    }

    public RelayFeed(URI base, String token, String fingerprint, Backoff backoff, Duration idleTimeout) {
        this.base = base;
        this.token = token;
        this.backoff = backoff;
        this.idleTimeout = idleTimeout;
        this.http = RelayHttp.client(fingerprint);
    }

    @Override
    public void start(Consumer<VideoResult> results, Consumer<Connection> connection) {
        Thread thread = new Thread(() -> run(results, connection), "relay-feed");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
        Thread watchdog = new Thread(this::watchIdle, "relay-feed-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Cuts a stream that has been silent too long, so that the feed reconnects. */
    private void watchIdle() {
        long sleep = Math.max(10, Math.min(1000, idleTimeout.toMillis() / 4));
        while (!closed) {
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                return;
            }
            Stream<String> stream = openStream;
            if (stream != null && System.nanoTime() - lastLineNanos > idleTimeout.toNanos()) {
                idleCut = true;
                stream.close();
            }
        }
    }

    private void run(Consumer<VideoResult> results, Consumer<Connection> connection) {
        connection.accept(new Connection(ConnectionState.CONNECTING, "Connecting to the relay at " + base));
        while (!closed) {
            String problem;
            try {
                if (parser.lastEventId() == null) {
                    snapshot().forEach(results);
                }
                problem = stream(results, connection);
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                problem = describe(e);
                LOG.debug("relay feed failure", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (closed) {
                break;
            }
            if ("closed".equals(problem)) {
                problem = "the stream was cut";
            }
            parser.reset();
            Duration delay = parser.retryMillis().map(Duration::ofMillis).orElseGet(backoff::next);
            LOG.info("relay feed: {}; trying again in {} ms", problem, delay.toMillis());
            connection.accept(new Connection(connectedOnce ? ConnectionState.RECONNECTING : ConnectionState.CONNECTING,
                    (connectedOnce ? "Connection to the relay lost (" : "Cannot reach the relay (") + problem
                            + "); reconnecting…"));
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        connection.accept(Connection.offline("Not connected"));
    }

    private List<VideoResult> snapshot() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request("/api/results").header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        check(response.statusCode());
        return Json.mapper().readValue(response.body(), new TypeReference<List<VideoResult>>() { });
    }

    /** Reads events until the stream ends; returns why it ended. */
    private String stream(Consumer<VideoResult> results, Consumer<Connection> connection)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request("/api/events").header("Accept", "text/event-stream");
        if (parser.lastEventId() != null) {
            request.header("Last-Event-ID", parser.lastEventId());
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = response.body()) {
            check(response.statusCode());
            lastLineNanos = System.nanoTime();
            idleCut = false;
            openStream = lines;
            if (closed) {
                return "closed";
            }
            backoff.reset();
            connectedOnce = true;
            connection.accept(new Connection(ConnectionState.CONNECTED, "Connected to the relay at " + base));
            Iterator<String> iterator = lines.iterator();
            while (iterator.hasNext()) {
                String line = iterator.next();
                lastLineNanos = System.nanoTime();
                parser.line(line).ifPresent(event -> deliver(event, results));
            }
            return "the relay closed the stream";
        } catch (UncheckedIOException e) {
            if (idleCut) {
                return "nothing heard for " + idleTimeout.toSeconds() + " s";
            }
            throw e;
        } finally {
            openStream = null;
        }
    }

    private void deliver(SseEvent event, Consumer<VideoResult> results) {
        if (!"result".equals(event.type()) && !"message".equals(event.type())) {
            return;
        }
        try {
            results.accept(Json.readResult(event.data()));
        } catch (IllegalArgumentException e) {
            LOG.warn("relay feed: skipping event {}: {}", event.id(), e.getMessage());
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(path)).GET();
        if (token != null && !token.isBlank()) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private URI resolve(String path) {
        String root = base.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path);
    }

    private static void check(int status) throws IOException {
        if (status == 401 || status == 403) {
            throw new IOException("the relay refused the token (HTTP " + status + "); check the relay token in Settings");
        }
        if (status != 200) {
            throw new IOException("the relay answered HTTP " + status);
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        if (cause instanceof java.net.ConnectException || message == null || message.isBlank()) {
            return "no answer";
        }
        return message;
    }

    @Override
    public void close() {
        closed = true;
        Stream<String> stream = openStream;
        if (stream != null) {
            stream.close();
        }
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
