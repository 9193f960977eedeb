package org.classroom.face.video;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.classroom.common.config.SampleData;

/** Makes test clips with the ffmpeg command line at test time, and finds the course's clips. */
public final class TestClips {

    private TestClips() {
    }

    /** The course's clip, or the test is skipped with where to get it. */
    public static Path courseClip(String name) {
        Optional<Path> samples = SampleData.find();
        assumeTrue(samples.isPresent(), SampleData::missingMessage);
        Path clip = samples.get().resolve("videos").resolve(name);
        assumeTrue(Files.isRegularFile(clip), () -> "missing course clip " + clip);
        return clip;
    }

    public static boolean hasEncoder(String encoder) {
        try {
            return run(List.of("ffmpeg", "-hide_banner", "-encoders")).contains(" " + encoder + " ");
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs ffmpeg with these arguments (quiet, overwriting) and returns the output file. */
    public static Path ffmpeg(Path output, String... arguments) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(arguments));
        command.add(output.toString());
        try {
            run(command);
        } catch (IOException e) {
            assumeTrue(false, "the ffmpeg command line is needed to make test clips: " + e.getMessage());
        }
        return output;
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed (" + process.exitValue() + "): " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
