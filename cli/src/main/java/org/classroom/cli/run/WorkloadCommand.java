package org.classroom.cli.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.classroom.cli.support.ConfigOptions;
import org.classroom.cli.support.UserError;
import org.classroom.cli.support.VerboseOption;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.SampleData;
import org.classroom.common.model.Student;
import org.classroom.common.model.VideoResult;
import org.classroom.common.results.ResultsTable;
import org.classroom.common.students.StudentFile;
import org.classroom.localsystem.LocalSystem;
import org.classroom.localsystem.LocalSystemOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code classroom workload}: the course's load test. Uploads the 100 videos of {@code mapping} as fast as
 * the machine allows and times each from the end of its upload to its result: the file in the relay's
 * folder on the local system, or with {@code --cloud} the object in the output bucket, as the course's
 * grader looks for it.
 */
@Command(name = "workload", mixinStandardHelpOptions = true,
        description = {"The course's load test: test_0 … test_100 built from the 8 clips and `mapping`, uploaded at "
                + "once; every result checked against the expected student.",
                "Without --cloud it starts the local system for the run; with --cloud it uses the configured system "
                + "(a real account, or a running `classroom serve` through --endpoint), watching its output bucket.",
                "Prints per-video latency (upload done → result file), then the summary; last line: "
                + "workload: C/N correct in W s (p50 X s, p95 Y s, max Z s); with --poison a line for the poison clip follows."})
public final class WorkloadCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--samples", paramLabel = "DIR", description = "Course hand-out folder (default: the classroom.samples setting).")
    Path samples;

    @Option(names = "--copies", defaultValue = "1", paramLabel = "N",
            description = "Upload the 100-video set N times (default ${DEFAULT-VALUE}).")
    int copies;

    @Option(names = "--cloud", description = "Run against the configured buckets (a real account, or --endpoint of a "
            + "running serve) instead of starting the local system; their output objects of these videos are replaced.")
    boolean cloud;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Function invocations at once (default: one per core).")
    Integer concurrency;

    @Option(names = "--poison", description = "Also upload " + PoisonClip.KEY + ", a course clip cut off half-way: it must "
            + "end as invalid-video or error with a reason, and no other video may suffer (the fault run).")
    boolean poison;

    @Option(names = "--timeout", defaultValue = "600", paramLabel = "SECONDS",
            description = "Give up after this long (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

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
        Path folder = samples != null ? samples : SampleData.find().orElseThrow(() -> new UserError(SampleData.missingMessage()));
        if (copies < 1) {
            throw new UserError("--copies must be at least 1");
        }
        List<CourseWorkload.Video> videos = CourseWorkload.from(folder, copies);
        Map<String, String> expectedLine = expectedLines(folder, videos);
        PrintWriter out = spec.commandLine().getOut();

        List<String> keys = new ArrayList<>(videos.stream().map(CourseWorkload.Video::key).toList());
        if (poison) {
            keys.add(PoisonClip.KEY);
        }
        if (cloud) {
            if (concurrency != null) {
                throw new UserError("--concurrency sets up the local system; with --cloud the relay decides it");
            }
            ClassroomConfig config = configOptions.load();
            log.println("workload: against " + (config.isLocal() ? config.endpoint() : "AWS " + config.region())
                    + ", watching s3://" + config.outputBucket());
            try (AwsClients clients = new AwsClients(config);
                    ResultWatch watch = new OutputBucketWatch(clients.s3(), config.outputBucket(), keys)) {
                return run(clients, config, videos, expectedLine, watch, out);
            }
        }
        Path results = Files.createTempDirectory("classroom-workload-");
        LocalSystemOptions options = LocalSystemOptions.ephemeral(folder, results);
        if (concurrency != null) {
            options = new LocalSystemOptions(folder, null, 0, 0, results, concurrency);
        }
        log.println("workload: starting the local system...");
        try (LocalSystem system = LocalSystem.start(configOptions.load(), options);
                AwsClients clients = new AwsClients(system.config());
                ResultWatch watch = new ResultFolderWatch(system.resultsDir(), keys)) {
            log.printf("workload: %d invocations at once%n", options.concurrency());
            return run(clients, system.config(), videos, expectedLine, watch, out);
        }
    }

    private int run(AwsClients clients, ClassroomConfig config, List<CourseWorkload.Video> videos,
            Map<String, String> expectedLine, ResultWatch watch, PrintWriter out) throws InterruptedException {
        List<ClipUploader.Upload> uploads = new ArrayList<>(videos.stream()
                .map(video -> new ClipUploader.Upload(video.key(), video.source())).toList());
        if (poison) {
            uploads.add(new ClipUploader.Upload(PoisonClip.KEY, poisonClip(videos.get(0).source())));
        }
        log.printf("workload: uploading %d videos%n", uploads.size());
        Instant start = Instant.now();
        Map<String, ClipUploader.Uploaded> uploaded = new ClipUploader(clients.s3Async(), config.inputBucket(), 16)
                .uploadAll(uploads, (upload, failure) -> {
                    if (failure != null) {
                        log.println("workload: upload failed: " + upload.key() + ": " + failure.getMessage());
                    }
                });
        Instant uploadsDone = Instant.now();
        log.printf("workload: uploaded in %s s; waiting for the results%n",
                LatencySummary.seconds(Duration.between(start, uploadsDone)));
        Instant deadline = start.plusSeconds(timeoutSeconds);
        while (!watch.complete() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        int exitCode = report(videos, expectedLine, uploaded, watch.seen(), start, uploadsDone, out);
        if (poison) {
            Optional<VideoResult> poisoned = new ResultsTable(clients.dynamoDb(), config.resultsTable()).get(PoisonClip.KEY);
            out.println(PoisonClip.describe(poisoned));
            out.flush();
            return PoisonClip.ended(poisoned) ? exitCode : 1;
        }
        return exitCode;
    }

    private static Path poisonClip(Path clip) {
        try {
            Path folder = Files.createTempDirectory("classroom-poison-");
            folder.toFile().deleteOnExit();
            Path file = PoisonClip.cutFrom(clip, folder);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the poison clip: " + e.getMessage(), e);
        }
    }

    private int report(List<CourseWorkload.Video> videos, Map<String, String> expectedLine,
            Map<String, ClipUploader.Uploaded> uploaded, Map<String, ResultWatch.Seen> seen,
            Instant start, Instant uploadsDone, PrintWriter out) {
        List<Duration> latencies = new ArrayList<>();
        int correct = 0;
        Instant last = start;
        for (CourseWorkload.Video video : videos) {
            ResultWatch.Seen result = seen.get(video.key());
            ClipUploader.Uploaded upload = uploaded.get(video.key());
            if (result == null || upload == null) {
                out.printf("%-16s %-40s %s%n", video.key(), upload == null ? "(upload failed)" : "(no result)", "MISSING");
                continue;
            }
            Duration latency = Duration.between(upload.finishedAt(), result.at());
            latencies.add(latency);
            last = result.at().isAfter(last) ? result.at() : last;
            boolean right = result.content().strip().equals(expectedLine.get(video.key()));
            correct += right ? 1 : 0;
            out.printf("%-16s %-40s %-5s %s s%n", video.key(), result.content().strip().replace('\n', ';'),
                    right ? "ok" : "WRONG", LatencySummary.seconds(latency));
        }
        LatencySummary summary = LatencySummary.of(latencies);
        Duration wall = Duration.between(start, last);
        out.printf("uploads: %d in %s s; results: %d; throughput: %.1f videos/s%n", uploaded.size(),
                LatencySummary.seconds(Duration.between(start, uploadsDone)), latencies.size(),
                latencies.size() / Math.max(0.001, wall.toMillis() / 1000.0));
        out.printf("machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        out.printf("workload: %d/%d correct in %s s (p50 %s s, p95 %s s, max %s s)%n", correct, videos.size(),
                LatencySummary.seconds(wall), LatencySummary.seconds(summary.p50()), LatencySummary.seconds(summary.p95()),
                LatencySummary.seconds(summary.max()));
        out.flush();
        return correct == videos.size() ? 0 : 1;
    }

    /** The seed-format line each video's result file must hold: its student's name, major and year. */
    private static Map<String, String> expectedLines(Path folder, List<CourseWorkload.Video> videos) {
        Map<String, Student> students = new HashMap<>();
        StudentFile.read(folder.resolve("student_data.json")).forEach(student -> students.put(student.name(), student));
        Map<String, String> lines = new HashMap<>();
        for (CourseWorkload.Video video : videos) {
            Student student = students.get(video.expectedName());
            lines.put(video.key(), student.name() + "," + student.major() + "," + student.year());
        }
        return lines;
    }
}
