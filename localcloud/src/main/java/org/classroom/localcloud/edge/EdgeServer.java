package org.classroom.localcloud.edge;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one HTTP endpoint on 127.0.0.1 that every AWS client of the local cloud talks to. */
public final class EdgeServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeServer.class);
    /**
     * The largest request body taken, and the most body bytes held at once over all requests. The edge holds a
     * body whole, and local-s3 holds it again, so memory is bounded by this, not by an upload's size or how many
     * parts a client sends at once: a large upload comes in parts (the SDKs' transfer manager, {@code aws s3 cp}
     * and {@code classroom process} split above 8 MB). S3's own limit for one PUT is 5 GB.
     */
    public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;

    private final Server server;
    private final ServerConnector connector;

    private EdgeServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /**
     * Binds the port and starts answering with {@code dispatch}.
     *
     * @throws PortInUseException when the port is taken
     */
    public static EdgeServer start(int port, Function<EdgeRequest, EdgeResponse> dispatch) {
        return start(port, dispatch, DEFAULT_MAX_BODY_BYTES);
    }

    /** The same, taking request bodies of at most {@code maxBodyBytes}. */
    public static EdgeServer start(int port, Function<EdgeRequest, EdgeResponse> dispatch, long maxBodyBytes) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 4);
        threads.setName("edge");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(64 * 1024);
        // S3 keys may hold "//", "%2F" or ".." segments; the edge passes paths on as sent.
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new EdgeHandler(dispatch, maxBodyBytes));
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new PortInUseException(port);
            }
            throw new IllegalStateException("the local cloud's endpoint did not start on port " + port + ": " + e.getMessage(), e);
        }
        return new EdgeServer(server, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("edge did not stop cleanly", e);
        }
    }

    /** Thrown when the edge's port is already taken. */
    public static final class PortInUseException extends IllegalStateException {

        private final int port;

        PortInUseException(int port) {
            super("port " + port + " on 127.0.0.1 is already in use (another local cloud?): stop that program or pick "
                    + "another port with --port N (0 for any free port)");
            this.port = port;
        }

        public int port() {
            return port;
        }
    }

    /** Reads a request in full, asks the dispatcher, streams the reply back. */
    private static final class EdgeHandler extends Handler.Abstract {

        private final Function<EdgeRequest, EdgeResponse> dispatch;
        private final long maxBodyBytes;
        private final BodyBudget budget;

        EdgeHandler(Function<EdgeRequest, EdgeResponse> dispatch, long maxBodyBytes) {
            this.dispatch = dispatch;
            this.maxBodyBytes = maxBodyBytes;
            this.budget = new BodyBudget(maxBodyBytes);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (HttpField field : request.getHeaders()) {
                headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
            }
            EdgeResponse reply;
            // No stated length and no chunked body: no body at all (a GET).
            long length = request.getLength() >= 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)
                    ? request.getLength() : 0;
            if (length > maxBodyBytes) {
                reply = tooLarge(request);
            } else {
                // A body without a stated length may be as large as any: it takes the whole budget while read.
                try (BodyBudget.Taken room = budget.take(length < 0 ? maxBodyBytes : length)) {
                    byte[] body;
                    try (InputStream in = Content.Source.asInputStream(request)) {
                        // Read one byte past the limit, to tell whether a body without a stated length is over.
                        body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
                    }
                    reply = body.length > maxBodyBytes ? tooLarge(request)
                            : dispatch.apply(new EdgeRequest(request.getMethod(), request.getHttpURI().getPath(),
                                    request.getHttpURI().getQuery(), headers, body));
                }
            }
            response.setStatus(reply.status());
            reply.headers().forEach((name, values) -> values.forEach(value -> response.getHeaders().add(name, value)));
            try (InputStream in = reply.body(); OutputStream out = Content.Sink.asOutputStream(response)) {
                if (!"HEAD".equals(request.getMethod())) {
                    in.transferTo(out);
                }
            }
            callback.succeeded();
            return true;
        }

        private EdgeResponse tooLarge(Request request) {
            EdgeResponse reply = ErrorReplies.s3Error(400, "EntityTooLarge", "the local cloud takes request bodies up to "
                    + maxBodyBytes + " bytes; upload a larger object in parts (multipart upload: aws s3 cp and the"
                    + " SDKs' transfer manager do)", request.getHttpURI().getPath());
            reply.header("Connection", "close");
            return reply;
        }
    }
}
