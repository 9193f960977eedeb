package org.classroom.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.SampleData;
import org.classroom.common.students.StudentTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classroom local} as a user runs it: a separate process, provisioned, stopped by a signal. */
class LocalCommandTest {

    private static final Pattern READY = Pattern.compile("local cloud ready at (http://127\\.0\\.0\\.1:\\d+) in ([0-9.]+) s");

    @Test
    void localStartsProvisionsPrintsItsEndpointAndStopsOnASignal(@TempDir Path folder) throws Exception {
        Path samples = SampleData.find().orElse(null);
        Assumptions.assumeTrue(samples != null, SampleData.missingMessage());
        Path data = folder.resolve("data");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.classroom.cli.Main",
                "local", "--port", "0", "--data", data.toString(), "--samples", samples.toString())
                .redirectError(folder.resolve("stderr.txt").toFile());
        builder.environment().put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        builder.environment().keySet().removeIf(name -> name.startsWith("CLASSROOM_") && !name.equals("CLASSROOM_SAMPLES"));
        Process process = builder.start();
        URI endpoint = null;
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                    if (line.startsWith("Ctrl-C stops it.")) {
                        return;
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            ready.get(3, TimeUnit.MINUTES);
            Matcher matcher = lines.stream().map(READY::matcher).filter(Matcher::find).findFirst()
                    .orElseThrow(() -> new AssertionError("no ready line in " + lines));
            endpoint = URI.create(matcher.group(1));
            AwsClients clients = new AwsClients(TestConfigs.defaults().withEndpoint(endpoint));
            URI shown = endpoint;

            assertThat(new StudentTable(clients.dynamoDb(), clients.config().table()).list()).hasSizeGreaterThanOrEqualTo(8);
            assertThat(lines).contains("provisioned.", "  export CLASSROOM_ENDPOINT=" + shown);
            assertThat(lines).noneMatch(line -> line.contains("Initializing DynamoDB Local"));
        } finally {
            process.destroy(); // SIGTERM, as Ctrl-C would: the shutdown hook stops the cloud
        }
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(data.resolve("sqs")).isDirectoryContaining(path -> path.getFileName().toString().startsWith("queues"));
        URI stopped = endpoint;
        assertThatThrownBy(() -> new java.net.Socket(stopped.getHost(), stopped.getPort()).close())
                .isInstanceOf(java.net.ConnectException.class);
    }
}
