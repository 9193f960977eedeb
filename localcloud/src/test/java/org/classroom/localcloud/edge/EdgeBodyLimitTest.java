package org.classroom.localcloud.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The edge holds a request body whole, so it takes bodies up to a limit, refuses larger ones unread, and holds no
 * more body bytes at once than that limit, however many requests come at once.
 */
class EdgeBodyLimitTest {

    private static final int LIMIT = 1 << 20;

    private final Queue<Integer> dispatched = new ConcurrentLinkedQueue<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final CountDownLatch held = new CountDownLatch(1);
    private volatile boolean holdBigBodies;
    private EdgeServer edge;

    @BeforeEach
    void start() {
        edge = EdgeServer.start(0, request -> {
            dispatched.add(request.body().length);
            if (holdBigBodies && request.body().length > LIMIT / 2) {
                try {
                    held.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return EdgeResponse.empty(200);
        }, LIMIT);
    }

    @AfterEach
    void stop() {
        edge.close();
    }

    @Test
    void aBodyUpToTheLimitIsPassedOnWhole() throws Exception {
        HttpResponse<String> reply = put(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT]));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(dispatched).containsExactly(LIMIT);
    }

    @Test
    void aLargerBodyIsRefusedAsS3DoesWithoutReachingAnyStandIn() throws Exception {
        HttpResponse<String> reply = put(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT + 1]));

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(reply.body()).contains("<Code>EntityTooLarge</Code>").contains("multipart");
        assertThat(dispatched).isEmpty();
    }

    @Test
    void aLargerBodyWithoutAStatedLengthIsRefusedToo() throws Exception {
        HttpResponse<String> reply = put(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(new byte[3 * LIMIT])));

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(dispatched).isEmpty();
    }

    @Test
    void requestsWhoseBodiesDoNotFitTogetherWaitTheirTurnWhileSmallOnesGoOn() throws Exception {
        holdBigBodies = true;
        CompletableFuture<HttpResponse<String>> first = putAsync(new byte[LIMIT * 3 / 4]);
        await(() -> dispatched.size() == 1);
        CompletableFuture<HttpResponse<String>> second = putAsync(new byte[LIMIT * 3 / 4]);
        CompletableFuture<HttpResponse<String>> small = putAsync(new byte[100]);

        assertThat(small.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        Thread.sleep(300);
        assertThat(dispatched).as("the second large body waits for the first to be passed on")
                .containsExactlyInAnyOrder(LIMIT * 3 / 4, 100);
        held.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(dispatched).containsExactlyInAnyOrder(LIMIT * 3 / 4, 100, LIMIT * 3 / 4);
    }

    private CompletableFuture<HttpResponse<String>> putAsync(byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.port() + "/bucket/part"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }

    private HttpResponse<String> put(HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.port() + "/bucket/big.mp4"))
                .PUT(body).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
