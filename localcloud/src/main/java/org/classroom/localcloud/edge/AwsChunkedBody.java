package org.classroom.localcloud.edge;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Undoes the {@code aws-chunked} content encoding the AWS SDKs and CLI use for streaming uploads
 * (chunk sizes, chunk signatures and trailing checksums around the data), so a stand-in that only
 * understands plain bodies stores the object's bytes and nothing else.
 */
public final class AwsChunkedBody {

    private AwsChunkedBody() {
    }

    public static boolean applies(EdgeRequest request) {
        String encoding = request.header("Content-Encoding").orElse("").toLowerCase(Locale.ROOT);
        String sha = request.header("x-amz-content-sha256").orElse("");
        return encoding.contains("aws-chunked") || sha.startsWith("STREAMING-");
    }

    /** The request with a plain body and the headers a plain upload would carry. */
    public static EdgeRequest decode(EdgeRequest request) {
        byte[] data = decode(request.body());
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        headers.remove("x-amz-decoded-content-length");
        headers.remove("x-amz-trailer");
        headers.put("x-amz-content-sha256", List.of("UNSIGNED-PAYLOAD"));
        List<String> encodings = new ArrayList<>();
        for (String value : headers.getOrDefault("Content-Encoding", List.of())) {
            for (String part : value.split(",")) {
                if (!part.isBlank() && !part.trim().equalsIgnoreCase("aws-chunked")) {
                    encodings.add(part.trim());
                }
            }
        }
        if (encodings.isEmpty()) {
            headers.remove("Content-Encoding");
        } else {
            headers.put("Content-Encoding", List.of(String.join(",", encodings)));
        }
        return request.withBody(data, headers);
    }

    static byte[] decode(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int position = 0;
        while (position < body.length) {
            int lineEnd = indexOfCrlf(body, position);
            if (lineEnd < 0) {
                throw new IllegalArgumentException("aws-chunked body ends inside a chunk header");
            }
            String header = new String(body, position, lineEnd - position, StandardCharsets.US_ASCII);
            int semicolon = header.indexOf(';');
            String sizeText = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
            int size = Integer.parseInt(sizeText, 16);
            position = lineEnd + 2;
            if (size == 0) {
                break; // what follows are trailers (checksums, signature): not object data
            }
            if (position + size > body.length) {
                throw new IllegalArgumentException("aws-chunked body is shorter than its chunk sizes say");
            }
            out.write(body, position, size);
            position += size + 2; // the chunk's data is followed by CRLF
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
