package org.classroom.desktop.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.classroom.common.format.Json;
import org.classroom.common.model.VideoResult;

/**
 * A stand-in for the relay's results API on a real socket: {@code /api/results} and a server-sent
 * event stream on {@code /api/events} that replays from {@code Last-Event-ID}. Tests publish results,
 * drop the open streams, or stop and restart it on the same port. With a TLS context it speaks HTTPS only.
 */
public final class TinyRelay implements AutoCloseable {

    private final String token;
    private final SSLContext tls;
    private final List<VideoResult> published = new CopyOnWriteArrayList<>();
    private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    private final List<BlockingQueue<Integer>> streams = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private int port;

    public TinyRelay(String token) throws IOException {
        this(token, null);
    }

    /** {@code tls}: the server side of HTTPS (e.g. {@link SelfSignedKeystore#serverContext()}); null for HTTP. */
    public TinyRelay(String token, SSLContext tls) throws IOException {
        this.token = token;
        this.tls = tls;
        start(0);
    }

    private void start(int wantedPort) throws IOException {
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", wantedPort);
        if (tls == null) {
            server = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.createContext("/api/results", this::results);
        server.createContext("/api/events", this::events);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "tiny-relay");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        port = server.getAddress().getPort();
    }

    public URI url() {
        return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + port);
    }

    /** The Last-Event-ID header of each stream request (empty string when absent). */
    public List<String> lastEventIds() {
        return lastEventIds;
    }

    public void publish(VideoResult result) {
        published.add(result);
        for (BlockingQueue<Integer> stream : streams) {
            stream.add(published.size());
        }
    }

    /** Ends every open event stream (the relay restarting its HTTP side). */
    public void dropStreams() {
        for (BlockingQueue<Integer> stream : streams) {
            stream.add(-1);
        }
    }

    /** Stops listening altogether, as a relay that went away. */
    public void stop() {
        dropStreams();
        server.stop(0);
    }

    /** Listens again on the same port. */
    public void restart() throws IOException {
        start(port);
    }

    private boolean authorised(HttpExchange exchange) throws IOException {
        if (("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return true;
        }
        exchange.sendResponseHeaders(401, -1);
        exchange.close();
        return false;
    }

    private void results(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        byte[] body = Json.write(new ArrayList<>(published)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void events(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        String lastId = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        lastEventIds.add(lastId == null ? "" : lastId);
        BlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
        streams.add(queue);
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            int sent = lastId == null ? published.size() : Integer.parseInt(lastId);
            out.write(": hello\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (true) {
                while (sent < published.size()) {
                    VideoResult result = published.get(sent);
                    sent++;
                    out.write(("id: " + sent + "\nevent: result\ndata: " + Json.write(result) + "\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                Integer signal = queue.poll(200, TimeUnit.MILLISECONDS);
                if (signal != null && signal < 0) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away
        } finally {
            streams.remove(queue);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
