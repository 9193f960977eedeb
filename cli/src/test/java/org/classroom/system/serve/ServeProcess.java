package org.classroom.system.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code classroom serve} as a user runs it: its own JVM, read from its banner, stopped by SIGTERM. */
final class ServeProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("^ready in ([0-9.]+) s: local cloud at (http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern RELAY = Pattern.compile("relay API at (http://127\\.0\\.0\\.1:\\d+) \\(token ([0-9a-f]+)\\)");

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final URI endpoint;
    private final URI relayUrl;
    private final String relayToken;
    private final double startSeconds;

    private ServeProcess(Process process, Path log) throws Exception {
        this.process = process;
        CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                    if (line.startsWith("Ctrl-C stops it.")) {
                        return;
                    }
                }
                throw new IllegalStateException("serve ended before it was ready");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            ready.get(3, TimeUnit.MINUTES);
        } catch (Exception e) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("serve did not come up: " + lines + "\nits error output, last lines:\n"
                    + tail(log, 40), e);
        }
        Matcher readyLine = find(READY);
        Matcher relayLine = find(RELAY);
        this.startSeconds = Double.parseDouble(readyLine.group(1));
        this.endpoint = URI.create(readyLine.group(2));
        this.relayUrl = URI.create(relayLine.group(1));
        this.relayToken = relayLine.group(2);
    }

    /** Starts {@code classroom serve} on free ports with state in {@code data}; its log goes to {@code log}. */
    static ServeProcess start(Path samples, Path data, Path config, Path log, String... extra) throws Exception {
        return startOn(0, 0, samples, data, config, log, extra);
    }

    /** Starts {@code classroom serve} on these ports (0: a free one), as {@link #start} does. */
    static ServeProcess startOn(int port, int relayPort, Path samples, Path data, Path config, Path log, String... extra)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "org.classroom.cli.Main",
                "serve", "--port", Integer.toString(port), "--relay-port", Integer.toString(relayPort),
                "--data", data.toString(), "--samples", samples.toString()));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("XDG_CONFIG_HOME", config.toString());
        builder.environment().keySet().removeIf(name -> name.startsWith("CLASSROOM_") || name.startsWith("AWS_"));
        return new ServeProcess(builder.start(), log);
    }

    URI endpoint() {
        return endpoint;
    }

    URI relayUrl() {
        return relayUrl;
    }

    String relayToken() {
        return relayToken;
    }

    double startSeconds() {
        return startSeconds;
    }

    List<String> banner() {
        return List.copyOf(lines);
    }

    /** SIGTERM, as Ctrl-C or systemd would; true when it stopped within the minute. */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(1, TimeUnit.MINUTES);
    }

    /** SIGKILL, as a crash or the OOM killer would: nothing gets to finish or clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(1, TimeUnit.MINUTES);
    }

    int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && !stop()) {
            process.destroyForcibly();
        }
    }

    private static String tail(Path log, int count) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private Matcher find(Pattern pattern) {
        return lines.stream().map(pattern::matcher).filter(Matcher::find).findFirst()
                .orElseThrow(() -> new AssertionError("no line matching " + pattern + " in " + lines));
    }
}
