package org.classroom.localcloud.edge;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request that reached the edge, with its body read in full (the stand-ins' requests are small
 * enough: a multipart part at most).
 *
 * @param method  HTTP method
 * @param rawPath the path as sent, still percent-encoded
 * @param query   the raw query string, or null
 * @param headers headers by name, case-insensitive
 * @param body    the body bytes (empty when none)
 */
public record EdgeRequest(String method, String rawPath, String query, Map<String, List<String>> headers, byte[] body) {

    public EdgeRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = copy;
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The path with percent-escapes decoded ('+' stays '+', as in a URI path). */
    public String decodedPath() {
        return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Query parameters, decoded; a parameter without '=' maps to "". */
    public Map<String, String> queryParameters() {
        return parseForm(query);
    }

    public boolean hasQueryParameter(String name) {
        return queryParameters().containsKey(name);
    }

    public EdgeRequest withBody(byte[] newBody, Map<String, List<String>> newHeaders) {
        return new EdgeRequest(method, rawPath, query, newHeaders, newBody);
    }

    public static Map<String, String> parseForm(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return parameters;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
