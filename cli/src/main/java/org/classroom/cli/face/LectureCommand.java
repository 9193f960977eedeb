package org.classroom.cli.face;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.classroom.cli.support.UserError;
import org.classroom.common.config.SampleData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code classroom lecture}: a long recording made from the course clips, to try long lectures on (fan-out,
 * ranged reads, memory). One block is encoded (the benchmark's scenes: students in turns, two at once, one for
 * 12 s, nobody in between) and copied end to end without re-encoding ({@code ffmpeg -f concat -c copy}), so an
 * hour takes about as long to make as the block. The index stays at the end of the file, as a camera writes it.
 */
@Command(name = "lecture", mixinStandardHelpOptions = true,
        description = {"Make a long test recording from the course clips: 1280x720, 25 fps, H.264, a key frame every"
                + " 10 s; one block of --block-minutes encoded, then repeated without re-encoding up to --minutes.",
                "Needs the ffmpeg command line."})
public final class LectureCommand implements Callable<Integer> {

    @Option(names = "--samples", paramLabel = "DIR", description = "The course hand-out (default: the course data setting).")
    Path samples;

    @Option(names = "--minutes", paramLabel = "N", description = "How long the recording is (default 60).")
    double minutes = 60;

    @Option(names = "--block-minutes", paramLabel = "N",
            description = "How long the encoded block is (default 4: every course student appears in it).")
    double blockMinutes = 4;

    @Parameters(paramLabel = "OUTPUT", description = "The MP4 file to write.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!(minutes > 0) || !(blockMinutes > 0)) {
            throw new UserError("--minutes and --block-minutes must be more than 0");
        }
        Path folder = samples != null ? samples.toAbsolutePath().normalize() : SampleData.location();
        double blockSeconds = Math.min(minutes, blockMinutes) * 60;
        int copies = (int) Math.ceil(minutes / Math.min(minutes, blockMinutes));
        CourseLecture.Plan plan = CourseLecture.plan(folder, blockSeconds);
        Path work = Files.createTempDirectory("classroom-lecture-");
        try {
            spec.commandLine().getErr().printf(Locale.ROOT, "lecture: encoding a %.0f s block...%n", blockSeconds);
            Path block = CourseLecture.maker().make(plan.scenes(), work.resolve("block.mp4"));
            List<String> list = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                list.add("file '" + block.toString().replace("'", "'\\''") + "'");
            }
            Path listing = Files.write(work.resolve("blocks.txt"), list);
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            spec.commandLine().getErr().printf(Locale.ROOT, "lecture: joining %d copies...%n", copies);
            run(List.of("ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", listing.toString(),
                    "-c", "copy", output.toString()));
            spec.commandLine().getOut().printf(Locale.ROOT, "%s: %.0f min, %d MB, 1280x720 25 fps, %d blocks of %.0f s;"
                    + " on screen: %s%n", output, copies * blockSeconds / 60, Files.size(output) / 1_000_000, copies,
                    blockSeconds, String.join(", ", plan.onScreen()));
            return 0;
        } finally {
            try (var files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UserError("the ffmpeg command line is needed to join the blocks: " + e.getMessage());
        }
        String said = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new UserError("ffmpeg failed: " + said.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while ffmpeg joined the blocks");
        }
    }
}
