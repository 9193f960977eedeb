package org.classroom.system.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.classroom.common.aws.AwsClients;
import org.classroom.common.config.ConfigLoader;
import org.classroom.common.config.SampleData;
import org.classroom.localsystem.LocalSystem;
import org.classroom.localsystem.LocalSystemOptions;
import org.classroom.relay.store.ResultFileNames;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A measurement, not a check of the face engine: the course's 100 uploads through the whole local
 * system with the real recognition function. Opt-in (it keeps both cores busy for minutes):
 * {@code -Dclassroom.relay.realFunction=true}. Prints the end-to-end time, how many files are right,
 * and the CPU time of the relay's own threads.
 */
class RelayRealFunctionFigures {

    @TempDir
    Path work;

    @Test
    void theCourseLoadWithTheRealFunction() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("classroom.relay.realFunction"),
                "opt-in measurement: -Dclassroom.relay.realFunction=true");
        Path samples = SampleData.find().orElse(null);
        Assumptions.assumeTrue(samples != null, SampleData.missingMessage());
        List<CourseLoad.Upload> uploads = CourseLoad.uploads(samples);
        Path results = work.resolve("results");
        var base = new ConfigLoader(Map.of(), Path.of("/nonexistent/classroom.properties")).load(Map.of());
        try (LocalSystem system = LocalSystem.start(base, LocalSystemOptions.ephemeral(samples, results));
             AwsClients clients = new AwsClients(system.config());
             S3Client s3 = clients.s3()) {
            Instant first = Instant.now();
            for (CourseLoad.Upload upload : uploads) {
                s3.putObject(r -> r.bucket(system.config().inputBucket()).key(upload.key()),
                        RequestBody.fromFile(upload.clip()));
            }
            Duration endToEnd = RelayEndToEndTest.waitForFiles(system.resultsDir(), uploads, first,
                    Duration.ofMinutes(15));
            long right = uploads.stream().filter(u -> {
                try {
                    return Files.readString(ResultFileNames.resultFile(system.resultsDir(), u.key()))
                            .equals(u.expectedLine());
                } catch (Exception e) {
                    return false;
                }
            }).count();
            String figures = String.format("relay with the real function (local system, %d invocations at once):"
                            + " 100 videos from first upload to last result file in %.1f s; %d/100 files right;"
                            + " relay threads' CPU %.1f s",
                    LocalSystemOptions.defaultConcurrency(), endToEnd.toMillis() / 1000.0, right,
                    relayThreadsCpu().toMillis() / 1000.0);
            System.out.println(figures);
            Files.writeString(Path.of("target", "relay-real-function-figures.txt"), figures + "\n");
            assertThat(right).isPositive();
        }
    }

    /** CPU used so far by the relay's own threads (named relay-*). */
    static Duration relayThreadsCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("relay-")) {
                nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return Duration.ofNanos(nanos);
    }
}
