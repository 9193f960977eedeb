package org.classroom.localcloud.s3reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classroom.localcloud.edge.EdgeRequest;
import org.classroom.localcloud.edge.EdgeResponse;
import org.classroom.localcloud.edge.Forwarder;
import org.classroom.localcloud.standins.S3StandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large reads against the real S3 stand-in (local-s3, on disk), watched by a proxy that notes every range the
 * stand-in is asked for: the client gets its bytes whole and exact, the stand-in is never asked for more than
 * one piece at a time.
 */
class BoundedGetsTest {

    private static final int PIECE = 1 << 20;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    @TempDir
    static Path data;

    private static S3StandIn s3;
    private static HttpServer proxy;
    private static final Forwarder FORWARDER = new Forwarder();
    private static final Queue<String> asked = new ConcurrentLinkedQueue<>();
    private static byte[] object;
    private static BoundedGets reads;

    @BeforeAll
    static void start() throws IOException {
        s3 = S3StandIn.start(data);
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            asked.add(String.valueOf(exchange.getRequestHeaders().getFirst("Range")));
            EdgeRequest request = new EdgeRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes());
            EdgeResponse reply = FORWARDER.forward(request, s3.address());
            reply.headers().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Length")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] body = reply.bufferBody();
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        proxy.start();
        reads = new BoundedGets(() -> URI.create("http://127.0.0.1:" + proxy.getAddress().getPort()), FORWARDER, PIECE);
        object = new byte[20 * PIECE + 12345];
        new Random(546).nextBytes(object);
        assertThat(send("PUT", "/lectures", Map.of(), new byte[0]).status()).isEqualTo(200);
        assertThat(send("PUT", "/lectures/week1.mp4", Map.of(), object).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.stop(0);
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @BeforeEach
    void forget() {
        asked.clear();
    }

    @Test
    void aWholeGetIsAnsweredWholeFromPiecesNoneLargerThanThePieceSize() throws IOException {
        EdgeResponse reply = reads.get(get(Map.of()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().get("Content-Length")).containsExactly(Integer.toString(object.length));
        assertThat(reply.headers()).doesNotContainKey("Content-Range");
        assertThat(reply.headers().get("ETag")).isNotEmpty();
        assertThat(readAll(reply)).isEqualTo(object);
        assertThat(asked).hasSize(21).allSatisfy(range -> assertThat(length(range)).isLessThanOrEqualTo(PIECE));
    }

    @Test
    void aLargeRangeIsAnsweredAsThatRange() throws IOException {
        EdgeResponse reply = reads.get(get(Map.of("Range", "bytes=1000-" + (5 * PIECE + 99))));

        assertThat(reply.status()).isEqualTo(206);
        assertThat(reply.headers().get("Content-Range"))
                .containsExactly("bytes 1000-" + (5 * PIECE + 99) + "/" + object.length);
        assertThat(readAll(reply)).isEqualTo(Arrays.copyOfRange(object, 1000, 5 * PIECE + 100));
        assertThat(asked).allSatisfy(range -> assertThat(length(range)).isLessThanOrEqualTo(PIECE));
    }

    @Test
    void anOpenRangeRunsToTheEndAndASmallOneTakesOneRequest() throws IOException {
        long from = object.length - 3L * PIECE - 7;
        EdgeResponse open = reads.get(get(Map.of("Range", "bytes=" + from + "-")));
        assertThat(open.status()).isEqualTo(206);
        assertThat(readAll(open)).isEqualTo(Arrays.copyOfRange(object, (int) from, object.length));

        asked.clear();
        EdgeResponse small = reads.get(get(Map.of("Range", "bytes=10-19")));
        assertThat(small.status()).isEqualTo(206);
        assertThat(readAll(small)).isEqualTo(Arrays.copyOfRange(object, 10, 20));
        assertThat(asked).containsExactly("bytes=10-19");
    }

    @Test
    void aMissingKeyIsTheStandInsOwnAnswer() {
        EdgeResponse reply = reads.get(new EdgeRequest("GET", "/lectures/missing.mp4", null, Map.of(), new byte[0]));

        assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void anObjectReplacedWhileItIsReadCutsTheReplyOffInsteadOfMixingTwoUploads() throws IOException {
        byte[] first = Arrays.copyOf(object, 3 * PIECE);
        assertThat(send("PUT", "/lectures/replaced.mp4", Map.of(), first).status()).isEqualTo(200);
        EdgeResponse reply = reads.get(new EdgeRequest("GET", "/lectures/replaced.mp4", null, Map.of(), new byte[0]));
        byte[] other = first.clone();
        other[0] ^= 1;
        assertThat(send("PUT", "/lectures/replaced.mp4", Map.of(), other).status()).isEqualTo(200);

        assertThatThrownBy(() -> readAll(reply)).isInstanceOf(IOException.class).hasMessageContaining("changed");
    }

    @Test
    void onlyPlainObjectReadsAreSplit() {
        assertThat(BoundedGets.applies(get(Map.of()), true)).isTrue();
        assertThat(BoundedGets.applies(get(Map.of("Range", "bytes=0-9")), true)).isTrue();
        assertThat(BoundedGets.applies(get(Map.of("Range", "bytes=0-9,20-29")), true)).isFalse();
        assertThat(BoundedGets.applies(get(Map.of()), false)).as("a listing").isFalse();
        assertThat(BoundedGets.applies(new EdgeRequest("GET", "/lectures/week1.mp4", "tagging", Map.of(), null), true))
                .isFalse();
        assertThat(BoundedGets.applies(new EdgeRequest("GET", "/lectures/week1.mp4",
                "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc", Map.of(), null), true)).isTrue();
        assertThat(BoundedGets.applies(new EdgeRequest("PUT", "/lectures/week1.mp4", null, Map.of(), null), true))
                .isFalse();
    }

    private static EdgeRequest get(Map<String, String> headers) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new EdgeRequest("GET", "/lectures/week1.mp4", null, multi, new byte[0]);
    }

    private static EdgeResponse send(String method, String path, Map<String, List<String>> headers, byte[] body) {
        EdgeResponse reply = FORWARDER.forward(new EdgeRequest(method, path, null, headers, body), s3.address());
        reply.bufferBody();
        return reply;
    }

    private static byte[] readAll(EdgeResponse reply) throws IOException {
        try (InputStream in = reply.body()) {
            return in.readAllBytes();
        }
    }

    private static long length(String range) {
        Matcher matcher = RANGE.matcher(range);
        assertThat(matcher.matches()).as("every request to the stand-in is ranged: " + range).isTrue();
        return Long.parseLong(matcher.group(2)) - Long.parseLong(matcher.group(1)) + 1;
    }
}
