package org.classroom.localcloud.edge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the edge answers: a status, headers and a body that is either streamed or already in memory. */
public final class EdgeResponse {

    private final int status;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private InputStream body;

    public EdgeResponse(int status, Map<String, List<String>> headers, InputStream body) {
        this.status = status;
        headers.forEach((name, values) -> this.headers.put(name, new ArrayList<>(values)));
        this.body = body == null ? InputStream.nullInputStream() : body;
    }

    public static EdgeResponse of(int status, String contentType, byte[] body) {
        EdgeResponse response = new EdgeResponse(status, Map.of(), new ByteArrayInputStream(body));
        if (contentType != null) {
            response.header("Content-Type", contentType);
        }
        response.header("Content-Length", Integer.toString(body.length));
        return response;
    }

    public static EdgeResponse of(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static EdgeResponse empty(int status) {
        return of(status, null, new byte[0]);
    }

    public int status() {
        return status;
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public EdgeResponse header(String name, String value) {
        headers.put(name, new ArrayList<>(List.of(value)));
        return this;
    }

    public InputStream body() {
        return body;
    }

    /** Reads the body into memory (so it can be inspected) and keeps it for the client. */
    public byte[] bufferBody() {
        try (InputStream in = body) {
            byte[] bytes = in.readAllBytes();
            body = new ByteArrayInputStream(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a stand-in's reply", e);
        }
    }
}
