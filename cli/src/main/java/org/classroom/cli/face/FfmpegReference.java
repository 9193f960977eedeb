package org.classroom.cli.face;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classroom.cli.support.UserError;

/**
 * The yardstick the benchmarks compare the engine with: how long the ffmpeg command line takes on the same
 * file, measured as a user would see it (wall clock, process start included).
 */
final class FfmpegReference {

    private FfmpegReference() {
    }

    /** {@code ffmpeg -v error -i clip -frames:v 1 -f null -}: open the clip and decode its first frame. */
    static double firstFrameMillis(Path clip) {
        return millis("-v", "error", "-i", clip.toString(), "-frames:v", "1", "-f", "null", "-");
    }

    /** {@code ffmpeg -v error -i file -f null -}: decode every frame, keep none. */
    static double decodeAllMillis(Path file) {
        return millis("-v", "error", "-i", file.toString(), "-f", "null", "-");
    }

    /** How the reference is run, for the report. */
    static String describeDecodeAll(Path file) {
        return "ffmpeg -i " + file.getFileName() + " -f null -";
    }

    private static double millis(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin"));
        command.addAll(List.of(arguments));
        long start = System.nanoTime();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int exit = process.waitFor();
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (exit != 0) {
                throw new UserError("ffmpeg failed (exit " + exit + "): " + String.join(" ", command));
            }
            return elapsed;
        } catch (IOException e) {
            throw new UserError("the benchmark compares with the ffmpeg command line, which cannot be run here: "
                    + e.getMessage() + " (Debian: apt-get install ffmpeg)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while timing ffmpeg");
        }
    }
}
