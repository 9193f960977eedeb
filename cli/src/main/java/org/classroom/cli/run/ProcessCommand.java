package org.classroom.cli.run;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.classroom.cli.support.ConfigOptions;
import org.classroom.cli.support.UserError;
import org.classroom.cli.support.VerboseOption;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.SampleData;
import org.classroom.common.format.Json;
import org.classroom.common.model.Progress;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.common.results.ResultsTable;
import org.classroom.localsystem.LocalSystem;
import org.classroom.localsystem.LocalSystemOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code classroom process}: the whole pipeline, headless. Uploads through S3 as the desktop does, so
 * each clip takes the real path (notification, input queue, relay, function, output queue, relay), and
 * waits for every result.
 */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = {"Runs clips through the whole system, headless: uploads them to the input bucket, waits for "
                + "every result and prints a table (or JSON lines).",
                "Without --cloud it starts the local system (local cloud, function, relay) for the run.",
                "Exit status: 0 when every clip got a result (whatever its status), 1 when some got none."})
public final class ProcessCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "Course hand-out folder: load its students and gallery into the local system.")
    Path samples;

    @Option(names = "--json", description = "Print one JSON result per clip and line instead of a table.")
    boolean json;

    @Option(names = "--cloud", description = "Use the configured real account (and its relay, if relay.url is set).")
    boolean cloud;

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "Give up waiting for results after this long (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Clips, or folders of .mp4 clips.")
    List<Path> paths;

    @Mixin
    VerboseOption verbosity;

    @Spec
    CommandSpec spec;

    /** Progress and problems, on standard error; results go to standard output. */
    private PrintWriter log;

    @Override
    public Integer call() throws Exception {
        verbosity.apply();
        log = spec.commandLine().getErr();
        List<ClipUploader.Upload> uploads = ClipFiles.collect(paths);
        ClassroomConfig base = configOptions.load();
        if (cloud) {
            if (samples != null) {
                throw new UserError("--samples loads the local system; for a real account run `classroom provision` once");
            }
            return run(base, uploads, null);
        }
        if (samples == null) {
            samples = SampleData.find().orElse(null);
            if (samples != null) {
                log.println("process: using the course samples in " + samples + " (students and gallery)");
            } else {
                log.println("process: no --samples: the roster is empty, so faces can only be unknown");
            }
        }
        Path results = Files.createTempDirectory("classroom-results-");
        log.println("process: starting the local system...");
        try (LocalSystem system = LocalSystem.start(base, LocalSystemOptions.ephemeral(samples, results))) {
            return run(system.config(), uploads, system);
        }
    }

    private int run(ClassroomConfig config, List<ClipUploader.Upload> uploads, LocalSystem system) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> etags = new LinkedHashMap<>();
        List<VideoResult> failedUploads = new ArrayList<>();
        try (AwsClients clients = new AwsClients(config)) {
            AtomicInteger done = new AtomicInteger();
            Map<String, ClipUploader.Uploaded> uploaded = new ClipUploader(clients.s3Async(), config.inputBucket(), 8)
                    .uploadAll(uploads, (upload, failure) -> {
                        int count = done.incrementAndGet();
                        if (failure != null) {
                            log.printf("process: upload %d/%d failed: %s: %s%n", count, uploads.size(), upload.key(), failure.getMessage());
                        } else {
                            log.printf("process: uploaded %d/%d %s%n", count, uploads.size(), upload.key());
                        }
                    });
            for (ClipUploader.Upload upload : uploads) {
                ClipUploader.Uploaded result = uploaded.get(upload.key());
                if (result == null) {
                    failedUploads.add(VideoResult.failure(upload.key(), ResultStatus.ERROR, "upload failed", null));
                } else {
                    etags.put(upload.key(), result.etag());
                }
            }
            ResultsTable table = new ResultsTable(clients.dynamoDb(), config.resultsTable());
            ResultSource source = config.relayUrl() != null
                    ? new RelayResults(config.relayUrl(), config.relayToken(), config.relayFingerprint())
                    : new TableResults(table, etags.keySet());
            AtomicInteger received = new AtomicInteger();
            WaitingLines waiting = WaitingLines.everyTenSeconds(log, video -> progressOf(table, video));
            Map<String, VideoResult> found = new ResultWaiter(source, Duration.ofMillis(200))
                    .await(etags, Duration.ofSeconds(timeoutSeconds), result -> log.printf(Locale.ROOT,
                            "process: result %d/%d after %.1f s %s: %s%n", received.incrementAndGet(), etags.size(),
                            waiting.elapsedSeconds(), result.video(), result.status().wireName()),
                            waiting::stillWaiting);
            List<VideoResult> ordered = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (ClipUploader.Upload upload : uploads) {
                VideoResult result = found.get(upload.key());
                if (result != null) {
                    ordered.add(result);
                } else if (etags.containsKey(upload.key())) {
                    missing.add(upload.key());
                }
            }
            ordered.addAll(failedUploads);
            print(ordered, out);
            if (!missing.isEmpty() || !failedUploads.isEmpty()) {
                log.println("process: no result within " + timeoutSeconds + " s for " + missing
                        + (failedUploads.isEmpty() ? "" : "; uploads failed for " + failedUploads.size()));
                return 1;
            }
            return 0;
        }
    }

    /** Best effort: a caller who may not read the results table still gets its results from the relay. */
    private static Optional<Progress> progressOf(ResultsTable table, String video) {
        try {
            return table.progress(video);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void print(List<VideoResult> results, PrintWriter out) {
        if (json) {
            results.forEach(result -> out.println(Json.write(result)));
            out.flush();
        } else {
            ResultTable.print(results, out);
        }
    }
}
