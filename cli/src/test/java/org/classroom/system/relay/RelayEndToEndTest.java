package org.classroom.system.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.classroom.common.config.SampleData;
import org.classroom.common.format.Json;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.relay.Relay;
import org.classroom.relay.RelayOptions;
import org.classroom.relay.api.SseEvents;
import org.classroom.relay.store.ResultFileNames;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay in this JVM against the local cloud: the course's 100 uploads go S3 → SQS → relay →
 * function → output queue → relay → results folder and live events; a poison upload ends in the
 * dead-letter queue and as an {@code error} result; the API wants its token; a hostile key stays in
 * the folder.
 */
class RelayEndToEndTest {

    static final String TOKEN = "system-test-token";
    static final String POISON = "poison.mp4";

    @TempDir
    Path work;

    @Test
    void theCourseLoadEndsAsOneRightFilePerVideoWithLiveEvents() throws Exception {
        Path samples = SampleData.find().orElse(null);
        Assumptions.assumeTrue(samples != null, SampleData.missingMessage());
        List<CourseLoad.Upload> uploads = CourseLoad.uploads(samples);
        assertThat(uploads).hasSize(100);
        Path results = work.resolve("results");

        try (RelayCloud cloud = new RelayCloud(samples, Set.of(POISON));
             Relay relay = Relay.start(cloud.config.withResultsDir(results),
                     RelayOptions.defaults().withPort(0).withHost("127.0.0.1").withToken(TOKEN))) {
            HttpClient http = HttpClient.newHttpClient();
            URI api = relay.apiUrl();
            try (SseEvents events = SseEvents.open(http, api.resolve("/api/events"), TOKEN, null)) {
                Instant firstUpload = Instant.now();
                cloud.upload(uploads);
                cloud.upload(List.of(new CourseLoad.Upload(POISON, uploads.get(0).clip(), uploads.get(0).student())));
                // A result naming a hostile key, as a broken or malicious function might send.
                cloud.sqs.sendMessage(r -> r.queueUrl(cloud.outputQueueUrl).messageBody(Json.write(
                        VideoResult.failure("../../x.mp4", ResultStatus.INVALID_VIDEO, "not a video", null))));

                Duration lastFile = waitForFiles(results, uploads, firstUpload, Duration.ofMinutes(4));
                List<SseEvents.Event> received = events.take(102, Duration.ofMinutes(2));
                waitUntil(() -> Files.exists(ResultFileNames.resultFile(results, POISON)) && cloud.queuesEmpty(),
                        Duration.ofMinutes(1));

                for (CourseLoad.Upload upload : uploads) {
                    assertThat(ResultFileNames.resultFile(results, upload.key())).as(upload.key())
                            .hasContent(upload.expectedLine());
                }
                // 100 videos, the poison one and the hostile key: nothing else, nothing outside.
                assertThat(txtFiles(results)).hasSize(102);
                assertThat(ResultFileNames.resultFile(results, "../../x.mp4")).exists();
                try (Stream<Path> all = Files.walk(work)) {
                    assertThat(all.filter(Files::isRegularFile))
                            .allSatisfy(file -> assertThat(file.getParent()).isEqualTo(results));
                }

                assertThat(received).hasSize(102);
                assertThat(received).extracting(SseEvents.Event::name).containsOnly("result");
                assertThat(received.stream().map(SseEvents.Event::id).collect(Collectors.toSet())).hasSize(102);
                Set<String> streamed = received.stream().map(e -> Json.readResult(e.data()).video())
                        .collect(Collectors.toSet());
                assertThat(streamed).containsAll(uploads.stream().map(CourseLoad.Upload::key).toList())
                        .contains(POISON, "../../x.mp4");

                JsonNode all = Json.mapper().readTree(get(http, api.resolve("/api/results"), TOKEN).body());
                assertThat(all).hasSize(102);
                JsonNode poison = find(all, POISON);
                assertThat(poison.path("status").asText()).isEqualTo("error");
                assertThat(poison.path("reason").asText()).isEqualTo("gave up after " + RelayCloud.MAX_RECEIVE_COUNT
                        + " attempts");
                assertThat(cloud.function.attempts(POISON)).isEqualTo(RelayCloud.MAX_RECEIVE_COUNT);
                assertThat(ResultFileNames.resultFile(results, POISON)).isEmptyFile();

                String csv = get(http, api.resolve("/api/results.csv"), TOKEN).body();
                assertThat(csv.lines()).hasSize(103).first().isEqualTo("video,status,name,id,major,year,distance");

                assertThat(get(http, api.resolve("/api/results"), null).statusCode()).isEqualTo(401);
                assertThat(get(http, api.resolve("/api/results"), "wrong").statusCode()).isEqualTo(401);
                assertThat(get(http, api.resolve("/api/events"), "wrong").statusCode()).isEqualTo(401);

                String metrics = get(http, api.resolve("/metrics"), null).body();
                assertThat(metrics).contains("relay_messages_dead_lettered_total 1.0");
                System.out.printf("relay end-to-end (in-process): 100 videos from first upload to last result file"
                        + " in %.1f s%n", lastFile.toMillis() / 1000.0);
            }
        }
    }

    static JsonNode find(JsonNode results, String video) {
        for (JsonNode result : results) {
            if (result.path("video").asText().equals(video)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + video + " in " + results);
    }

    static HttpResponse<String> get(HttpClient http, URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until every upload has its result file; returns the time from {@code since} to the last. */
    static Duration waitForFiles(Path results, List<CourseLoad.Upload> uploads, Instant since, Duration timeout)
            throws Exception {
        waitUntil(() -> uploads.stream().allMatch(u -> Files.exists(ResultFileNames.resultFile(results, u.key()))),
                timeout);
        Instant last = since;
        for (CourseLoad.Upload upload : uploads) {
            Instant modified = Files.getLastModifiedTime(ResultFileNames.resultFile(results, upload.key()))
                    .toInstant();
            last = modified.isAfter(last) ? modified : last;
        }
        return Duration.between(since, last);
    }

    static List<Path> txtFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).toList();
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void waitUntil(Condition condition, Duration timeout) {
        org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(condition::holds);
    }

}
