package org.classroom.relay.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.classroom.common.format.Json;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.relay.metrics.RelayMetrics;
import org.classroom.relay.store.ResultStore;
import org.classroom.relay.TestResults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsApiTest {

    static final String TOKEN = "s3cret-token";
    static final int BACKLOG = 50;

    @TempDir
    java.nio.file.Path folder;

    ResultStore store;
    RelayMetrics metrics;
    ResultsApi api;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        store = ResultStore.open(folder);
        metrics = new RelayMetrics();
        api = ResultsApi.start(new ApiOptions("127.0.0.1", 0, TOKEN, null, null, 1, BACKLOG), store, metrics,
                () -> Map.of("status", "ok"));
    }

    @AfterEach
    void stop() throws IOException {
        api.close();
        store.close();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + api.port() + path);
    }

    HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    void keep(VideoResult result) throws IOException {
        ResultStore.Saved saved = store.save(result);
        if (saved.added()) {
            api.publish(saved.entry());
        }
    }

    @Test
    void refusesAMissingOrWrongToken() throws Exception {
        for (String path : List.of("/api/results", "/api/results.csv", "/api/events")) {
            HttpResponse<String> missing = get(path, null);
            assertThat(missing.statusCode()).as(path).isEqualTo(401);
            assertThat(Json.mapper().readTree(missing.body()).path("error").asText()).isEqualTo("unauthorized");
            assertThat(get(path, "Bearer wrong").statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, "Basic " + TOKEN).statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, "Bearer " + TOKEN + "x").statusCode()).as(path).isEqualTo(401);
        }
        assertThat(get("/api/results", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheLatestResultPerVideoAsJsonAndCsv() throws Exception {
        keep(TestResults.recognised("test_0.mp4", "president_trump", "physics", "junior"));
        keep(VideoResult.failure("bad.mp4", ResultStatus.INVALID_VIDEO, "not a video", null));
        keep(TestResults.recognised("test_0.mp4", "president_trump", "physics", "junior"));

        HttpResponse<String> json = get("/api/results", "Bearer " + TOKEN);
        JsonNode results = Json.mapper().readTree(json.body());
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("video").asText()).isEqualTo("test_0.mp4");
        assertThat(results.get(0).path("people").get(0).path("name").asText()).isEqualTo("president_trump");
        assertThat(results.get(1).path("status").asText()).isEqualTo("invalid-video");

        HttpResponse<String> csv = get("/api/results.csv", "Bearer " + TOKEN);
        assertThat(csv.body().split("\n")).containsExactly(
                "video,status,name,id,major,year,distance",
                "test_0.mp4,recognised,president_trump,5,physics,junior,0.4100",
                "bad.mp4,invalid-video,,,,,");
    }

    @Test
    void healthAndMetricsNeedNoToken() throws Exception {
        metrics.received(3);
        HttpResponse<String> health = get("/healthz", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(health.body()).path("status").asText()).isEqualTo("ok");
        HttpResponse<String> prometheus = get("/metrics", null);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("relay_messages_received_total 3.0")
                .contains("relay_invocations_in_flight").contains("relay_invoke_latency_seconds")
                .contains("relay_messages_dead_lettered_total");
    }

    @Test
    void streamsResultsAndReplaysWhatAReconnectingSubscriberMissed() throws Exception {
        keep(TestResults.recognised("test_0.mp4", "president_trump", "physics", "junior"));
        List<SseEvents.Event> first;
        try (SseEvents live = SseEvents.open(http, uri("/api/events"), TOKEN, null)) {
            assertThat(live.status()).isEqualTo(200);
            keep(TestResults.recognised("test_1.mp4", "president_biden", "history", "sophomore"));
            first = live.take(2, Duration.ofSeconds(20));
        }
        assertThat(first).extracting(SseEvents.Event::id).containsExactly("1", "2");
        assertThat(first).extracting(SseEvents.Event::name).containsOnly("result");
        assertThat(Json.readResult(first.get(1).data()).video()).isEqualTo("test_1.mp4");

        // Two results arrive while the subscriber is away; it comes back with the last id it saw.
        keep(TestResults.recognised("test_2.mp4", "mr_bean", "lawyer", "freshmen"));
        keep(TestResults.recognised("test_4.mp4", "johnny_dep", "computer_science", "senior"));
        try (SseEvents again = SseEvents.open(http, uri("/api/events"), TOKEN, "2")) {
            List<SseEvents.Event> missed = again.take(2, Duration.ofSeconds(20));
            assertThat(missed).extracting(SseEvents.Event::id).containsExactly("3", "4");
            assertThat(missed).extracting(e -> Json.readResult(e.data()).video())
                    .containsExactly("test_2.mp4", "test_4.mp4");
            keep(TestResults.recognised("test_5.mp4", "vin_diesel", "computer_science", "sophomore"));
            assertThat(again.take(1, Duration.ofSeconds(20))).extracting(SseEvents.Event::id).containsExactly("5");
            // Idle streams get a keep-alive comment (every second in this test).
            assertThat(again.comment(Duration.ofSeconds(20))).isNotNull();
        }
    }

    @Test
    void aStaleLastEventIdAboveTheRelaysNumberingGetsEverythingReplayed() throws Exception {
        keep(TestResults.recognised("test_0.mp4", "president_trump", "physics", "junior"));
        keep(TestResults.recognised("test_1.mp4", "president_biden", "history", "sophomore"));
        // The desktop saw event 57 from a relay whose results folder has since been reset.
        try (SseEvents stale = SseEvents.open(http, uri("/api/events"), TOKEN, "57")) {
            assertThat(stale.take(2, Duration.ofSeconds(20))).extracting(SseEvents.Event::id).containsExactly("1", "2");
            keep(TestResults.recognised("test_2.mp4", "mr_bean", "lawyer", "freshmen"));
            assertThat(stale.take(1, Duration.ofSeconds(20))).extracting(SseEvents.Event::id).containsExactly("3");
        }
    }

    @Test
    void aClientThatNeverReadsDelaysNoOtherAndIsDisconnectedWhenTooFarBehind() throws Exception {
        // Enough replay (about 10 MB) to fill the never-reading client's socket buffers several times over.
        String bulky = "x".repeat(20_000);
        for (int i = 0; i < 500; i++) {
            keep(VideoResult.failure("bulk_" + i + ".mp4", ResultStatus.INVALID_VIDEO, bulky, null));
        }
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", api.port()));
            stalled.getOutputStream().write(("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                    + "Authorization: Bearer " + TOKEN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();
            Thread.sleep(1000);  // its replay is now stuck in full socket buffers

            try (SseEvents live = SseEvents.open(http, uri("/api/events"), TOKEN, "500")) {
                long start = System.nanoTime();
                keep(TestResults.recognised("fresh.mp4", "floki", "history", "junior"));
                List<SseEvents.Event> fresh = live.take(1, Duration.ofSeconds(5));
                assertThat(fresh).extracting(SseEvents.Event::id).containsExactly("501");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));

                // More than its backlog allows: the stalled client is let go; the live one gets everything.
                for (int i = 0; i < BACKLOG + 5; i++) {
                    keep(TestResults.recognised("more_" + i + ".mp4", "floki", "history", "junior"));
                }
                assertThat(live.take(BACKLOG + 5, Duration.ofSeconds(20))).hasSize(BACKLOG + 5);
                org.awaitility.Awaitility.await("the stalled client let go").atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(50)).until(() -> api.subscribers() == 1);
            }
        }
    }
}
