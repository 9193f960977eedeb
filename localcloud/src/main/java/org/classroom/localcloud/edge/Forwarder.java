package org.classroom.localcloud.edge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Passes a request on to a stand-in on loopback and hands back its reply as a stream. */
public final class Forwarder {

    /** Headers that belong to one hop, or that the JDK client sets itself. */
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "proxy-authorization");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public EdgeResponse forward(EdgeRequest request, URI backend) {
        String target = backend.toString().replaceAll("/$", "") + request.rawPath()
                + (request.query() == null ? "" : "?" + request.query());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target))
                .method(request.method(), request.body().length == 0 && !needsBody(request.method())
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase())) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        try {
            HttpResponse<InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            response.headers().map().forEach((name, values) -> {
                String lower = name.toLowerCase();
                if (!lower.equals("transfer-encoding") && !lower.equals("connection") && !lower.equals("keep-alive")
                        && !lower.startsWith(":")) {
                    headers.put(name, values);
                }
            });
            return new EdgeResponse(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("stand-in at " + backend + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while forwarding to " + backend, e);
        }
    }

    private static boolean needsBody(String method) {
        return method.equals("PUT") || method.equals("POST");
    }
}
