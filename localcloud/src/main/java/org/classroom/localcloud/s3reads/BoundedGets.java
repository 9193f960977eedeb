package org.classroom.localcloud.s3reads;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classroom.localcloud.edge.EdgeRequest;
import org.classroom.localcloud.edge.EdgeResponse;
import org.classroom.localcloud.edge.Forwarder;

/**
 * Reads an object from the S3 stand-in in bounded pieces. local-s3 builds each GET's whole reply in memory
 * before sending it (and fails, 500, past about a gigabyte), so a GET of a large object, whole or by a large
 * range, is asked of it as ranged GETs of at most {@link #DEFAULT_PIECE_BYTES} each, and their bodies are
 * streamed to the client one after another, with the headers the client's own request would have had.
 * Every piece after the first must come from the same version (its ETag), or the reply is cut off with an
 * error rather than mixing two uploads.
 */
public final class BoundedGets {

    /** Large enough that FFmpeg's and the SDK's reads take one or two pieces, small enough to hold a few at once. */
    public static final long DEFAULT_PIECE_BYTES = 8L * 1024 * 1024;

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final Pattern ONE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final Supplier<URI> backend;
    private final Forwarder forwarder;
    private final long pieceBytes;

    public BoundedGets(Supplier<URI> backend, Forwarder forwarder, long pieceBytes) {
        if (pieceBytes < 1) {
            throw new IllegalArgumentException("a piece is at least one byte, not " + pieceBytes);
        }
        this.backend = backend;
        this.forwarder = forwarder;
        this.pieceBytes = pieceBytes;
    }

    /**
     * Whether this is a plain read of an object's bytes, which can be split: a GET of a key, whole or one range,
     * with no sub-resource (a presigned URL's signature parameters and a version are allowed).
     */
    public static boolean applies(EdgeRequest request, boolean isObject) {
        if (!isObject || !request.method().equals("GET")) {
            return false;
        }
        if (request.header("Range").isPresent() && !ONE_RANGE.matcher(request.header("Range").get().trim()).matches()) {
            return false; // several ranges, or a suffix form the stand-in answers itself
        }
        return request.queryParameters().keySet().stream().allMatch(name -> name.equals("versionId")
                || name.toLowerCase(Locale.ROOT).startsWith("x-amz-"));
    }

    /** The stand-in's answer to {@code request}, asked for piece by piece and streamed. */
    public EdgeResponse get(EdgeRequest request) {
        Optional<Requested> asked = Requested.of(request.header("Range").orElse(null));
        if (asked.isEmpty()) {
            return forwarder.forward(request, backend.get()); // "bytes=-N" and the like: small by nature
        }
        long first = asked.get().first();
        long wantedLast = asked.get().last();
        EdgeResponse head = forwarder.forward(withRange(request, first, Math.min(wantedLast, first + pieceBytes - 1)),
                backend.get());
        if (head.status() != 206) {
            // An error, or a range the object does not have (an empty object asked for whole): as the stand-in
            // answers the request as sent. Its reply is small either way.
            head.bufferBody();
            return head.status() == 416 && !asked.get().byClient()
                    ? forwarder.forward(request, backend.get()) : head;
        }
        Matcher range = CONTENT_RANGE.matcher(header(head, "Content-Range"));
        if (!range.matches()) {
            return head;
        }
        long got = Long.parseLong(range.group(2));
        long size = Long.parseLong(range.group(3));
        long last = Math.min(wantedLast, size - 1);
        String etag = header(head, "ETag");
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(head.headers());
        headers.put("Content-Length", List.of(Long.toString(last - first + 1)));
        int status;
        if (asked.get().byClient()) {
            status = 206;
            headers.put("Content-Range", List.of("bytes " + first + "-" + last + "/" + size));
        } else {
            status = 200;
            headers.remove("Content-Range");
        }
        InputStream body = got >= last ? head.body()
                : new PieceStream(request, head.body(), got + 1, last, etag);
        return new EdgeResponse(status, headers, body);
    }

    private static String header(EdgeResponse response, String name) {
        List<String> values = response.headers().get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    private static EdgeRequest withRange(EdgeRequest request, long first, long last) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        headers.put("Range", List.of("bytes=" + first + "-" + last));
        return new EdgeRequest("GET", request.rawPath(), request.query(), headers, new byte[0]);
    }

    /** The bytes a request asks for: from {@code first} to {@code last} (inclusive; MAX_VALUE: to the end). */
    private record Requested(long first, long last, boolean byClient) {

        static Optional<Requested> of(String rangeHeader) {
            if (rangeHeader == null) {
                return Optional.of(new Requested(0, Long.MAX_VALUE, false));
            }
            Matcher range = ONE_RANGE.matcher(rangeHeader.trim());
            if (!range.matches() || range.group(1).isEmpty()) {
                return Optional.empty();
            }
            long first = Long.parseLong(range.group(1));
            long last = range.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(range.group(2));
            return last < first ? Optional.empty() : Optional.of(new Requested(first, last, true));
        }
    }

    /** The pieces after the first, each asked for when the one before has been read. */
    private final class PieceStream extends InputStream {

        private final EdgeRequest request;
        private final long last;
        private final String etag;
        private InputStream piece;
        private long next;

        PieceStream(EdgeRequest request, InputStream first, long next, long last, String etag) {
            this.request = request;
            this.piece = first;
            this.next = next;
            this.last = last;
            this.etag = etag;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (true) {
                int read = piece.read(buffer, offset, length);
                if (read != -1) {
                    return read;
                }
                if (next > last) {
                    return -1;
                }
                piece.close();
                piece = nextPiece();
            }
        }

        private InputStream nextPiece() throws IOException {
            long to = Math.min(last, next + pieceBytes - 1);
            EdgeResponse reply;
            try {
                reply = forwarder.forward(withRange(request, next, to), backend.get());
            } catch (RuntimeException e) {
                throw new IOException("the S3 stand-in failed at byte " + next + ": " + e.getMessage(), e);
            }
            Matcher range = CONTENT_RANGE.matcher(header(reply, "Content-Range"));
            boolean whole = range.matches() && Long.parseLong(range.group(1)) == next
                    && Long.parseLong(range.group(2)) == to;
            if (reply.status() != 206 || !whole || !etag.equals(header(reply, "ETag"))) {
                reply.body().close();
                throw new IOException("the object changed or failed at byte " + next + " (HTTP " + reply.status()
                        + ", " + header(reply, "Content-Range") + ", ETag " + header(reply, "ETag") + " instead of "
                        + etag + ")");
            }
            next = to + 1;
            return reply.body();
        }

        @Override
        public void close() throws IOException {
            piece.close();
        }
    }
}
