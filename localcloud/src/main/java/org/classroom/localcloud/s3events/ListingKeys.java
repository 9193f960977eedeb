package org.classroom.localcloud.s3events;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classroom.localcloud.edge.EdgeRequest;
import org.classroom.localcloud.edge.EdgeResponse;

/**
 * Works around local-s3 counting a listing's Content-Length in characters rather than bytes: a key with
 * a non-ASCII letter cut the XML short and left stray bytes on the connection. The edge asks local-s3
 * for URL-encoded keys (all ASCII, so the length is right) and decodes them back for a client that did
 * not ask for that encoding, as S3 itself would answer. Not covered: a continuation token that holds a
 * non-ASCII key (local-s3 does not encode tokens): only a listing in pages (over 1,000 keys) meets it.
 */
final class ListingKeys {

    private static final Set<String> LISTING_PARAMETERS = Set.of("list-type", "prefix", "delimiter", "max-keys",
            "continuation-token", "start-after", "marker", "fetch-owner", "encoding-type", "x-id");
    private static final Pattern ENCODED = Pattern.compile(
            "<(Key|Prefix|Delimiter|StartAfter|Marker|NextMarker)>([^<]*)</\\1>");

    private ListingKeys() {
    }

    /** A plain object listing (V1 or V2) whose client did not ask for URL-encoded keys. */
    static boolean applies(EdgeRequest request, boolean bucketOnly, Map<String, String> query) {
        return request.method().equals("GET") && bucketOnly && !query.containsKey("encoding-type")
                && LISTING_PARAMETERS.containsAll(query.keySet());
    }

    static EdgeRequest encoded(EdgeRequest request) {
        String query = request.query() == null || request.query().isEmpty()
                ? "encoding-type=url" : request.query() + "&encoding-type=url";
        return new EdgeRequest(request.method(), request.rawPath(), query, request.headers(), request.body());
    }

    static EdgeResponse decoded(EdgeResponse reply) {
        if (!reply.successful()) {
            return reply;
        }
        String xml = new String(reply.bufferBody(), StandardCharsets.UTF_8).replace("<EncodingType>url</EncodingType>", "");
        Matcher matcher = ENCODED.matcher(xml);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = escapeXml(URLDecoder.decode(matcher.group(2), StandardCharsets.UTF_8));
            matcher.appendReplacement(out, Matcher.quoteReplacement(
                    "<" + matcher.group(1) + ">" + value + "</" + matcher.group(1) + ">"));
        }
        matcher.appendTail(out);
        String contentType = reply.headers().getOrDefault("Content-Type", java.util.List.of("application/xml")).get(0);
        EdgeResponse decoded = EdgeResponse.of(reply.status(), contentType, out.toString());
        reply.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Content-Type") && !values.isEmpty()) {
                decoded.header(name, values.get(0));
            }
        });
        return decoded;
    }

    private static String escapeXml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
