package org.classroom.system.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classroom.system.relay.RelayEndToEndTest.get;
import static org.classroom.system.relay.RelayEndToEndTest.txtFiles;
import static org.classroom.system.relay.RelayEndToEndTest.waitUntil;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.classroom.common.config.SampleData;
import org.classroom.common.format.Json;
import org.classroom.relay.store.ResultStore;
import org.classroom.relay.store.ResultFileNames;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relay as its own JVM, as it runs on the VM: killed with SIGKILL in the middle of the course
 * load and started again, it still ends with exactly one right file per video; and a clean run,
 * measured (end-to-end time, the relay's CPU time and peak memory).
 */
class RelayProcessTest {

    static final String TOKEN = "process-test-token";

    @TempDir
    Path work;

    Path samples;
    List<CourseLoad.Upload> uploads;

    @BeforeEach
    void courseData() {
        samples = SampleData.find().orElse(null);
        Assumptions.assumeTrue(samples != null, SampleData.missingMessage());
        uploads = CourseLoad.uploads(samples);
    }

    @Test
    void killedMidRunAndRestartedItStillEndsWithExactlyOneRightFilePerVideo() throws Exception {
        Path results = work.resolve("results");
        Path log = work.resolve("relay.log");
        try (RelayCloud cloud = new RelayCloud(samples, Set.of())) {
            int filesAtKill;
            CompletableFuture<Void> uploading;
            try (RelayProcess first = RelayProcess.start(cloud.cloud.endpoint(), results, TOKEN, log)) {
                uploading = CompletableFuture.runAsync(() -> {
                    try {
                        cloud.upload(uploads);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                waitUntil(() -> txtFiles(results).size() >= 30, Duration.ofMinutes(3));
                first.kill();
                filesAtKill = txtFiles(results).size();
            }
            assertThat(filesAtKill).isBetween(30, 99);
            uploading.get();

            try (RelayProcess second = RelayProcess.start(cloud.cloud.endpoint(), results, TOKEN, log)) {
                waitUntil(() -> txtFiles(results).size() >= 100 && cloud.queuesEmpty(), Duration.ofMinutes(4));
                for (CourseLoad.Upload upload : uploads) {
                    assertThat(ResultFileNames.resultFile(results, upload.key())).as(upload.key())
                            .hasContent(upload.expectedLine());
                }
                assertThat(txtFiles(results)).hasSize(100);
                try (var leftovers = Files.list(results)) {
                    assertThat(leftovers.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")))
                            .isEmpty();
                }
                // The log has one entry per video: redelivered work was recognised as the same outcome.
                List<String> lines = Files.readAllLines(results.resolve(ResultStore.LOG_FILE));
                Set<String> videos = lines.stream()
                        .map(line -> Json.readResult(readTree(line).path("result").toString()).video())
                        .collect(Collectors.toSet());
                assertThat(videos).hasSize(100);
                assertThat(lines).hasSize(100);
                String body = get(HttpClient.newHttpClient(), second.api.resolve("/api/results"), TOKEN).body();
                assertThat(Json.mapper().readTree(body)).hasSize(100);
                assertThat(second.stop(Duration.ofSeconds(40))).as("graceful stop on SIGTERM").isTrue();
            }
            System.out.printf("relay SIGKILL test: killed with %d of 100 files written; restarted; 100 right files%n",
                    filesAtKill);
        }
    }

    @Test
    void aCleanRunOfTheCourseLoadMeasured() throws Exception {
        Path results = work.resolve("results");
        Path log = work.resolve("relay.log");
        try (RelayCloud cloud = new RelayCloud(samples, Set.of());
             RelayProcess relay = RelayProcess.start(cloud.cloud.endpoint(), results, TOKEN, log)) {
            Duration cpuAtStart = relay.cpu();
            Instant firstUpload = Instant.now();
            cloud.upload(uploads);
            Duration endToEnd = RelayEndToEndTest.waitForFiles(results, uploads, firstUpload, Duration.ofMinutes(4));
            for (CourseLoad.Upload upload : uploads) {
                assertThat(ResultFileNames.resultFile(results, upload.key())).hasContent(upload.expectedLine());
            }
            Duration cpu = relay.cpu();
            String figures = String.format("relay figures (own JVM, -Xmx256m, fast test function): 100 videos from"
                            + " first upload to last result file in %.1f s; relay CPU %.1f s in all (%.1f s of it"
                            + " during the run); peak RSS %s MiB",
                    endToEnd.toMillis() / 1000.0, cpu.toMillis() / 1000.0,
                    cpu.minus(cpuAtStart).toMillis() / 1000.0,
                    relay.peakRssMib().map(String::valueOf).orElse("?"));
            System.out.println(figures);
            Files.writeString(Path.of("target", "relay-figures.txt"), figures + "\n");
            assertThat(relay.stop(Duration.ofSeconds(40))).isTrue();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (Exception e) {
            throw new AssertionError("unreadable log line: " + line, e);
        }
    }
}
