package org.classroom.relay.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.classroom.common.format.Json;
import org.classroom.common.model.VideoResult;
import org.classroom.relay.metrics.RelayMetrics;
import org.classroom.relay.store.ResultStore;
import org.classroom.relay.store.StoredResult;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay's HTTP API: results as JSON and CSV, a live event stream, health and metrics. Every
 * {@code /api/*} request needs the bearer token; health and metrics are open so that monitoring and
 * load balancers need no secret. With a keystore it speaks HTTPS only.
 */
public final class ResultsApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ResultsApi.class);

    private final Javalin app;
    private final EventHub hub;
    private final boolean https;

    private ResultsApi(Javalin app, EventHub hub, boolean https) {
        this.app = app;
        this.hub = hub;
        this.https = https;
    }

    /**
     * Starts the server.
     *
     * @param health what {@code /healthz} reports (e.g. which services are down)
     */
    public static ResultsApi start(ApiOptions options, ResultStore store, RelayMetrics metrics,
                                   Supplier<Map<String, Object>> health) {
        EventHub hub = new EventHub(store::since, options.heartbeatSeconds(), options.clientBacklog());
        BearerToken token = new BearerToken(options.token());
        boolean https = options.keystore() != null;
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            if (https) {
                config.jetty.addConnector((server, httpConfig) -> httpsConnector(server, httpConfig, options));
            }
            config.routes.before("/api/*", ctx -> requireToken(ctx, token));
            config.routes.get("/api/results", ctx -> json(ctx, latest(store)));
            config.routes.get("/api/results.csv", ctx -> ctx.contentType("text/csv; charset=utf-8")
                    .result(ResultsCsv.format(latest(store))));
            config.routes.sse("/api/events", client ->
                    hub.subscribe(client, EventHub.lastEventId(client.ctx().header("Last-Event-ID"))));
            config.routes.get("/healthz", ctx -> json(ctx, health.get()));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
        });
        try {
            app.start(options.host(), options.port());
        } catch (RuntimeException e) {
            hub.close();
            throw new IllegalStateException("cannot start the results API on " + options.host() + ":"
                    + options.port() + ": " + e.getMessage(), e);
        }
        if (https) {
            // What the desktops pin: an operator can read it here instead of trusting the first connection.
            LOG.info("HTTPS certificate SHA-256 fingerprint {} (the desktops' relay.fingerprint)",
                    ServedCertificate.fingerprint(options.keystore(), options.keystorePassword()));
        }
        return new ResultsApi(app, hub, https);
    }

    public int port() {
        return app.port();
    }

    public String scheme() {
        return https ? "https" : "http";
    }

    /** Sends a newly kept result to the live subscribers. */
    public void publish(StoredResult entry) {
        hub.publish(entry);
    }

    public int subscribers() {
        return hub.subscriberCount();
    }

    @Override
    public void close() {
        hub.close();
        app.stop();
    }

    private static void requireToken(Context ctx, BearerToken token) {
        if (!token.accepts(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"classroom-relay\"");
            ctx.status(401);
            json(ctx, Map.of("error", "unauthorized",
                    "message", "send the relay token as 'Authorization: Bearer <token>'"));
            ctx.skipRemainingHandlers();
        }
    }

    private static List<VideoResult> latest(ResultStore store) {
        return store.latest().stream().map(StoredResult::result).toList();
    }

    private static void json(Context ctx, Object value) {
        ctx.contentType("application/json").result(Json.write(value));
    }

    private static ServerConnector httpsConnector(org.eclipse.jetty.server.Server server, HttpConfiguration base,
                                                  ApiOptions options) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(options.keystore().toAbsolutePath().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(options.keystorePassword() == null ? "" : options.keystorePassword());
        HttpConfiguration httpsConfig = new HttpConfiguration(base);
        // The relay is reached by IP on a VM as often as by name: no SNI host check.
        httpsConfig.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(httpsConfig));
        connector.setHost(options.host());
        connector.setPort(options.port());
        return connector;
    }
}
