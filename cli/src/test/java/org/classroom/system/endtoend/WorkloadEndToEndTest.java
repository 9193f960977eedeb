package org.classroom.system.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.classroom.cli.ClassroomCommand;
import org.classroom.common.config.SampleData;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The course's load test as a test: 100 uploads through the whole local system, each result file
 * checked against the expected student. Its timings are the benchmark's business (README, Performance);
 * here only correctness and the shape of the report count.
 */
class WorkloadEndToEndTest {

    @Test
    void theHundredVideosAllComeBackRight() {
        Path samples = SampleData.find().orElse(null);
        assumeTrue(samples != null, SampleData::missingMessage);
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        CommandLine command = new CommandLine(new ClassroomCommand());
        command.setOut(new PrintWriter(output, true));
        command.setErr(new PrintWriter(errors, true));

        int exitCode = command.execute("workload", "--samples", samples.toString());

        List<String> lines = output.toString().lines().toList();
        assertThat(exitCode).as(output + "\n" + errors).isZero();
        assertThat(lines).filteredOn(line -> line.matches("test_\\d+\\.mp4 .*")).hasSize(100)
                .allSatisfy(line -> assertThat(line).contains(" ok "));
        assertThat(lines.get(lines.size() - 1))
                .matches("workload: 100/100 correct in \\d+\\.\\d\\d s \\(p50 \\d+\\.\\d\\d s, p95 \\d+\\.\\d\\d s, max \\d+\\.\\d\\d s\\)");
    }
}
