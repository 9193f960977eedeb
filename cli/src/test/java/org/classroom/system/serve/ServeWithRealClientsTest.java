package org.classroom.system.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.classroom.common.config.SampleData;
import org.classroom.common.format.Json;
import org.awaitility.Awaitility;
import org.classroom.relay.store.ResultFileNames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code classroom serve} left running, driven by the clients a user has: the AWS CLI v2 and boto3. The
 * output bucket must look exactly as the course's grader expects: one object per video, its line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServeWithRealClientsTest {

    @TempDir
    static Path folder;

    private static Path samples;
    private static Path data;
    private static ServeProcess serve;
    private static RealClients clients;

    @BeforeAll
    static void startServe() throws Exception {
        samples = SampleData.find().orElse(null);
        Assumptions.assumeTrue(samples != null, SampleData.missingMessage());
        data = folder.resolve("data");
        serve = ServeProcess.start(samples, data, folder.resolve("config"), folder.resolve("serve.log"));
        clients = RealClients.against(serve.endpoint());
    }

    @AfterAll
    static void stopServe() throws InterruptedException {
        if (serve != null) {
            serve.close();
        }
    }

    @Test
    @Order(1)
    void theBannerSaysHowToPointTheClientsAtIt() {
        assertThat(serve.banner()).contains(
                "  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1",
                "  export AWS_ENDPOINT_URL=" + serve.endpoint() + " CLASSROOM_ENDPOINT=" + serve.endpoint(),
                "  aws s3 cp VIDEO.mp4 s3://classroom-input/");
        assertThat(serve.banner()).anySatisfy(line -> assertThat(line).contains("table classroom-results: created"));
        // The local cloud's edge carries out lifecycle expiration: the evidence expires there too.
        assertThat(serve.banner()).anySatisfy(line -> assertThat(line)
                .contains("bucket classroom-evidence expiry: created (objects expire after 30 day(s))"));
    }

    @Test
    @Order(2)
    void theAwsCliUploadsSinglePartAndMultipartWithOddKeysAndListsOneObjectPerVideo() throws Exception {
        Path videos = samples.resolve("videos");
        Path big = longClip(videos.resolve("test_7.mp4"), folder.resolve("big.mp4"));
        assertThat(Files.size(big)).as("over the CLI's 8 MiB multipart threshold").isGreaterThan(9L << 20);

        clients.aws("s3", "cp", videos.toString(), "s3://classroom-input/", "--recursive").ok();
        clients.aws("s3", "cp", videos.resolve("test_6.mp4").toString(), "s3://classroom-input/week 1/Zoë's lecture.mp4").ok();
        clients.aws("s3", "cp", big.toString(), "s3://classroom-input/week 1/große Vorlesung.mp4").ok();

        List<String> expected = List.of("test_0", "test_1", "test_2", "test_4", "test_5", "test_6", "test_7", "test_8",
                "week 1/Zoë's lecture", "week 1/große Vorlesung");
        waitFor(() -> keys("classroom-output").size() >= expected.size(), Duration.ofMinutes(3));
        assertThat(keys("classroom-output")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(clients.aws("s3", "cp", "s3://classroom-output/test_0", "-").ok().out())
                .isEqualTo("president_trump,physics,junior");
        assertThat(clients.aws("s3", "cp", "s3://classroom-output/week 1/Zoë's lecture", "-").ok().out())
                .isEqualTo("floki,history,junior");
        assertThat(clients.aws("s3", "cp", "s3://classroom-output/week 1/große Vorlesung", "-").ok().out())
                .isEqualTo("morgan_freeman,math,senior");
        String listing = clients.aws("s3", "ls", "s3://classroom-output/").ok().out();
        assertThat(listing.lines().filter(line -> !line.strip().startsWith("PRE "))).hasSize(8);
    }

    @Test
    @Order(3)
    void theCoursesGradingFlowWithBoto3GetsOneRightObjectPerDistinctKey() throws Exception {
        Path script = resource("grading_flow.py");

        RealClients.Result run = clients.python(script, 600, "classroom-input", "classroom-output", samples.toString(), "420").ok();

        JsonNode summary = Json.mapper().readTree(run.out().strip().lines().reduce((first, second) -> second).orElseThrow());
        System.out.println("grading flow: " + summary);
        assertThat(summary.path("uploads").asInt()).isEqualTo(108);
        assertThat(summary.path("distinct_keys").asInt()).isEqualTo(100);
        assertThat(summary.path("missing")).isEmpty();
        assertThat(summary.path("wrong")).isEmpty();
        assertThat(summary.path("objects").asInt()).isEqualTo(100);
        assertThat(summary.path("right").asInt()).isEqualTo(100);
    }

    @Test
    @Order(4)
    void workloadWithCloudRunsTheLoadTestAgainstTheRunningSystemsBuckets() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "org.classroom.cli.Main",
                "workload", "--cloud", "--endpoint", serve.endpoint().toString(), "--samples", samples.toString(),
                "--timeout", "300");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(folder.resolve("workload.err").toFile());
        builder.environment().put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        builder.environment().keySet().removeIf(name -> name.startsWith("CLASSROOM_") || name.startsWith("AWS_"));
        Process workload = builder.start();
        String out = new String(workload.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(workload.waitFor(6, TimeUnit.MINUTES)).isTrue();

        String last = out.strip().lines().reduce((first, second) -> second).orElse("");
        System.out.println("workload --cloud: " + last);
        assertThat(workload.exitValue()).as(out + Files.readString(folder.resolve("workload.err"))).isZero();
        assertThat(last).matches("workload: 100/100 correct in [0-9.]+ s \\(p50 [0-9.]+ s, p95 [0-9.]+ s, max [0-9.]+ s\\)");
        assertThat(Files.readString(folder.resolve("workload.err"))).contains("watching s3://classroom-output");
    }

    @Test
    @Order(5)
    void aRestartOnTheSameDataKeepsEarlierResultsAndProcessesANewUploadOnce() throws Exception {
        List<String> before = keys("classroom-output");
        Path resultsDir = data.resolve("results");
        long filesBefore = countFiles(resultsDir);
        assertThat(serve.stop()).as("stops on SIGTERM").isTrue();
        // 128 + SIGTERM: the JVM's own exit status after its shutdown hooks ran (they stop the system cleanly).
        assertThat(serve.exitValue()).isIn(0, 143);

        serve = ServeProcess.start(samples, data, folder.resolve("config"), folder.resolve("serve.log"));
        clients = RealClients.against(serve.endpoint());

        assertThat(serve.banner()).anySatisfy(line -> assertThat(line).contains("table classroom-results: nothing to do"));
        assertThat(keys("classroom-output")).containsExactlyInAnyOrderElementsOf(before);
        assertThat(countFiles(resultsDir)).isEqualTo(filesBefore);
        clients.aws("s3", "cp", samples.resolve("videos/test_8.mp4").toString(), "s3://classroom-input/after restart.mp4").ok();
        waitFor(() -> keys("classroom-output").contains("after restart"), Duration.ofMinutes(2));
        assertThat(clients.aws("s3", "cp", "s3://classroom-output/after restart", "-").ok().out())
                .isEqualTo("president_obama,electrical_engineering,senior");
        waitFor(() -> Files.exists(ResultFileNames.resultFile(resultsDir, "after restart.mp4")),
                Duration.ofSeconds(30));
        assertThat(Files.readAllLines(resultsDir.resolve("results.jsonl")).stream()
                .filter(line -> line.contains("\"after restart.mp4\"")).count()).as("one result for the new upload").isEqualTo(1);
    }

    private static List<String> keys(String bucket) {
        try {
            String out = clients.aws("s3api", "list-objects-v2", "--bucket", bucket, "--output", "json").ok().out();
            JsonNode listing = Json.mapper().readTree(out.isBlank() ? "{}" : out);
            return listing.path("Contents").findValuesAsText("Key");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A clip over 8 MiB, made from a course clip by repeating it (ffmpeg, stream copy). */
    private static Path longClip(Path source, Path target) throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-stream_loop", "45", "-i", source.toString(),
                "-c", "copy", target.toString()).redirectErrorStream(true).start();
        assertThat(ffmpeg.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(ffmpeg.exitValue()).as(new String(ffmpeg.getInputStream().readAllBytes())).isZero();
        return target;
    }

    private static Path resource(String name) throws IOException {
        Path file = folder.resolve(name);
        try (InputStream in = ServeWithRealClientsTest.class.getResourceAsStream(name)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    private static long countFiles(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".txt")).count();
        }
    }

    private static void waitFor(BooleanSupplier condition, Duration limit) {
        Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(250)).until(condition::getAsBoolean);
    }
}
