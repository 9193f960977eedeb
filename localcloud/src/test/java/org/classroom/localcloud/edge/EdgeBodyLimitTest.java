package org.classroom.localcloud.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The edge holds a request body whole, so it takes bodies up to a limit and refuses larger ones unread. */
class EdgeBodyLimitTest {

    private static final int LIMIT = 1 << 20;

    private final Queue<Integer> dispatched = new ConcurrentLinkedQueue<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private EdgeServer edge;

    @BeforeEach
    void start() {
        edge = EdgeServer.start(0, request -> {
            dispatched.add(request.body().length);
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

    private HttpResponse<String> put(HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.port() + "/bucket/big.mp4"))
                .PUT(body).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
