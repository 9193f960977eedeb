package org.classroom.system.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.classroom.cli.ClassroomCommand;
import org.classroom.common.config.SampleData;
import org.classroom.common.format.Json;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code classroom process} end to end: every clip goes up to the local input bucket and through the
 * notification, the input queue, the relay, the function, the output queue and back to the relay.
 */
class ProcessEndToEndTest {

    private static Path samples;

    @BeforeAll
    static void courseData() {
        samples = SampleData.find().orElse(null);
    }

    @Test
    void theEightCourseClipsComeBackRight(@TempDir Path home) throws Exception {
        assumeTrue(samples != null, SampleData::missingMessage);

        Run run = process(home, samples.resolve("videos").toString(), "--json");

        assertThat(run.exitCode()).as(run.errors()).isZero();
        Map<String, VideoResult> results = byVideo(run.output());
        List<String> expected = Files.readAllLines(samples.resolve("expected.csv")).subList(1, 9);
        assertThat(results).hasSize(expected.size());
        for (String line : expected) {
            String[] fields = line.split(",");
            VideoResult result = results.get(fields[0]);
            assertThat(result).as(fields[0]).isNotNull();
            assertThat(result.status()).as(fields[0]).isEqualTo(ResultStatus.RECOGNISED);
            assertThat(result.people()).as(fields[0]).hasSize(1);
            RecognisedPerson person = result.people().get(0);
            assertThat(List.of(person.name(), String.valueOf(person.id()), person.major(), person.year()))
                    .as(fields[0]).containsExactly(fields[1], fields[2], fields[3], fields[4]);
            assertThat(person.distance()).as(fields[0]).isLessThan(0.6);
            // When they were on screen survives the trip through the queues and the relay: a 1-2 s clip, one window.
            assertThat(person.appearances()).as(fields[0] + " appearances").hasSize(1);
            assertThat(person.appearances().get(0).from()).as(fields[0]).isBetween(0.0, 3.0);
        }
    }

    @Test
    void oddAndBadClipsEachEndWithTheRightStatus(@TempDir Path home, @TempDir Path clipsFolder) throws Exception {
        assumeTrue(samples != null, SampleData::missingMessage);
        assumeTrue(OddClips.ffmpegAvailable(), "needs the ffmpeg command (Debian package ffmpeg) to make the clips");
        Map<String, String> nameOf = new HashMap<>();
        for (String line : Files.readAllLines(samples.resolve("expected.csv")).subList(1, 9)) {
            nameOf.put(line.split(",")[0], line.split(",")[1]);
        }
        List<OddClip> clips = new OddClips(samples.resolve("videos"), clipsFolder).make(nameOf::get);
        List<String> arguments = new ArrayList<>(clips.stream().map(clip -> clip.file().toString()).toList());
        arguments.add("--json");

        Run run = process(home, arguments.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.errors()).isZero();
        Map<String, VideoResult> results = byVideo(run.output());
        for (OddClip clip : clips) {
            VideoResult result = results.get(clip.key());
            assertThat(result).as(clip.key() + ": " + clip.why()).isNotNull();
            assertThat(result.status()).as(clip.key() + ": " + clip.why() + " " + Json.write(result)).isEqualTo(clip.status());
            assertThat(result.people()).extracting(RecognisedPerson::name).as(clip.key() + ": " + clip.why())
                    .containsExactlyInAnyOrderElementsOf(clip.names());
            if (clip.status() == ResultStatus.INVALID_VIDEO) {
                assertThat(result.reason()).as(clip.key()).isNotBlank();
            }
        }
    }

    @Test
    void aClipWithoutAResultInTimeFailsTheRun(@TempDir Path home) throws Exception {
        assumeTrue(samples != null, SampleData::missingMessage);

        Run run = process(home, samples.resolve("videos/test_0.mp4").toString(), "--timeout", "0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errors()).contains("no result within 0 s for [test_0.mp4]");
    }

    private record Run(int exitCode, String output, String errors) {
    }

    private static Run process(Path home, String... arguments) {
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        CommandLine command = new CommandLine(new ClassroomCommand());
        command.setOut(new PrintWriter(output, true));
        command.setErr(new PrintWriter(errors, true));
        List<String> all = new ArrayList<>(List.of("process", "--samples", samples.toString(),
                "--set", "results.dir=" + home.resolve("results")));
        all.addAll(List.of(arguments));
        int exitCode = command.execute(all.toArray(String[]::new));
        return new Run(exitCode, output.toString(), errors.toString());
    }

    private static Map<String, VideoResult> byVideo(String jsonLines) {
        Map<String, VideoResult> results = new HashMap<>();
        jsonLines.lines().filter(line -> line.startsWith("{"))
                .map(Json::readResult)
                .forEach(result -> results.put(result.video(), result));
        return results;
    }
}
