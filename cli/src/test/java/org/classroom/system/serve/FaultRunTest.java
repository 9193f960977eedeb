package org.classroom.system.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.classroom.cli.ClassroomCommand;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.SampleData;
import org.classroom.common.format.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The fault run: the course's load test plus a poison clip (a clip cut off half-way), driven with
 * {@code classroom workload --cloud} against {@code classroom serve} as a user runs them, and serve,
 * function and relay with it, killed with SIGKILL once mid-way and started again on its data. Every
 * video must still end with exactly one right result, the poison clip with its reason, and nothing
 * in the dead-letter queue.
 */
class FaultRunTest {

    @TempDir
    Path folder;

    @Test
    void aKillMidWayAndAPoisonClipCostNoVideoItsResult() throws Exception {
        Path samples = SampleData.find().orElse(null);
        Assumptions.assumeTrue(samples != null, SampleData.missingMessage());
        int port = freePort();
        int relayPort = freePort();
        Path data = folder.resolve("data");
        Path results = data.resolve("results");
        Path config = folder.resolve("config");
        String endpoint = "http://127.0.0.1:" + port;

        ServeProcess first = ServeProcess.startOn(port, relayPort, samples, data, config, folder.resolve("serve-1.log"));
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        CompletableFuture<Integer> workload = CompletableFuture.supplyAsync(() -> {
            CommandLine command = new CommandLine(new ClassroomCommand());
            command.setOut(new PrintWriter(output, true));
            command.setErr(new PrintWriter(errors, true));
            return command.execute("workload", "--cloud", "--endpoint", endpoint, "--samples", samples.toString(),
                    "--poison", "--timeout", "300");
        });
        int beforeKill;
        try {
            await("uploads done and 30 results in").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(50))
                    .until(() -> errors.toString().contains("waiting for the results") && resultFiles(results) >= 30);
            first.kill();
            beforeKill = resultFiles(results);
        } finally {
            first.close();
        }

        try (ServeProcess second = ServeProcess.startOn(port, relayPort, samples, data, config,
                folder.resolve("serve-2.log"))) {
            int exitCode = workload.get(6, TimeUnit.MINUTES);
            List<String> lines = output.toString().lines().toList();

            assertThat(beforeKill).as("results before the kill").isBetween(30, 100);
            assertThat(exitCode).as(output + "\n" + errors).isZero();
            assertThat(lines).filteredOn(line -> line.matches("test_\\d+\\.mp4 .*")).hasSize(100)
                    .allSatisfy(line -> assertThat(line).contains(" ok "));
            assertThat(lines).filteredOn(line -> line.startsWith("poison.mp4 ")).singleElement()
                    .satisfies(line -> assertThat(line).contains("invalid-video: the file is truncated").endsWith("ok"));
            // Exactly one result each: 101 files, and the log the relay rebuilds itself from holds one entry per video.
            // The workload counts results in the output bucket; a result the killed relay had taken off the output
            // queue but not written comes back to the new relay when the queue's visibility timeout (60 s) ends.
            await("the relay's 101 result files").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> resultFiles(results) >= 101);
            assertThat(resultFiles(results)).isEqualTo(101);
            List<String> logged = Files.readAllLines(results.resolve("results.jsonl")).stream()
                    .map(FaultRunTest::videoOf).toList();
            assertThat(logged).hasSize(101).doesNotHaveDuplicates();
            assertThat(deadLetters(endpoint)).as("messages in the input's dead-letter queue").isZero();
        }
    }

    private static String videoOf(String logLine) {
        try {
            return Json.mapper().readTree(logLine).path("result").path("video").asText();
        } catch (IOException e) {
            throw new AssertionError("unreadable results.jsonl line: " + logLine, e);
        }
    }

    private static int deadLetters(String endpoint) {
        ClassroomConfig config = new ConfigLoader(java.util.Map.of(), Path.of("none.properties")).load(java.util.Map.of())
                .withEndpoint(java.net.URI.create(endpoint));
        try (AwsClients clients = new AwsClients(config)) {
            String url = clients.sqs().getQueueUrl(r -> r.queueName(config.inputQueue() + "-dlq")).queueUrl();
            var attributes = clients.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        }
    }

    private static int resultFiles(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(results)) {
            return (int) files.filter(file -> file.getFileName().toString().endsWith(".txt")).count();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
