package org.classroom.system.relay;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The relay as a process of its own ({@code java -cp <test class path> org.classroom.relay.RelayMain}). */
final class RelayProcess implements AutoCloseable {

    final Process process;
    final URI api;
    final String token;

    private RelayProcess(Process process, URI api, String token) {
        this.process = process;
        this.api = api;
        this.token = token;
    }

    static RelayProcess start(URI endpoint, Path results, String token, Path log) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp", System.getProperty("java.class.path"),
                "org.classroom.relay.RelayMain",
                "--endpoint", endpoint.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--token", token,
                "--results", results.toString(),
                "--grace", "20"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Keep the user's own configuration file out of it.
        builder.environment().put("XDG_CONFIG_HOME", log.getParent().resolve("xdg").toString());
        RelayProcess relay = new RelayProcess(builder.start(), URI.create("http://127.0.0.1:" + port), token);
        try {
            relay.awaitHealthy(Duration.ofMinutes(1), log);
        } catch (RuntimeException e) {
            // A relay that never became healthy must not outlive the test that started it.
            relay.process.destroyForcibly();
            throw e;
        }
        return relay;
    }

    private void awaitHealthy(Duration timeout, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        org.awaitility.Awaitility.await("the relay's /healthz").atMost(timeout).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the relay exited with " + process.exitValue() + ":\n"
                                + Files.readString(log));
                    }
                    return http.send(HttpRequest.newBuilder(api.resolve("/healthz")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                });
    }

    /** CPU time the process has used so far (user + system). */
    Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Peak resident memory in MiB, from /proc (Linux). */
    Optional<Long> peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return Optional.empty();
    }

    /** SIGKILL: no shutdown hook, no cleanup. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the graceful stop; returns whether it exited in time. */
    boolean stop(Duration timeout) throws InterruptedException {
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
