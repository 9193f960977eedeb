package org.classroom.cli.face;

import java.io.PrintWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.classroom.cli.support.UserError;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.face.engine.FaceEngine;
import org.classroom.face.gallery.Gallery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code classroom bench}: the engine's time per stage and per clip on the course clips, cold (a fresh
 * engine, first clip) and warm (median of several runs), against the ffmpeg command line grabbing the same
 * clip's first frame, with the machine it ran on and peak memory. With {@code --lecture} or
 * {@code --lecture-minutes}, the engine on one long recording against ffmpeg decoding it. Prints Markdown,
 * ready for the docs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time the face engine on the course clips: cold start, then per stage and per clip warm"
                + " (median of --runs) against `ffmpeg -i clip -frames:v 1 -f null -` in the same run, with the"
                + " machine and peak memory. Prints Markdown.",
                "--lecture FILE or --lecture-minutes N: the engine on one recording against"
                + " `ffmpeg -i FILE -f null -` (decoding all of it), in turns, and who was found when.",
                "--detectors: the three detectors frame by frame on the clips (or --lecture FILE) against SSD on the"
                + " whole frame: faces missed and extra, box agreement, time per frame."})
public final class BenchCommand implements Callable<Integer> {

    private static final List<String> COLUMNS = List.of("open", "decode", "detect", "landmarks", "align", "encode",
            "crop", "frames", "match", "total");

    @Mixin
    GallerySource gallerySource;

    @Mixin
    EngineFlags engineFlags;

    @Option(names = "--runs", paramLabel = "N",
            description = "Warm runs over all clips (default 5), or runs on the lecture (default 3).")
    Integer runs;

    @Option(names = "--lecture", paramLabel = "FILE", description = "Time the engine on this recording instead.")
    Path lecture;

    @Option(names = "--lecture-minutes", paramLabel = "N",
            description = "Build a recording this long from the course clips (1280x720, 25 fps, a key frame every"
                    + " 10 s; students on screen in turns, two at once, one for 12 s) in a temporary folder and"
                    + " time the engine on it.")
    Double lectureMinutes;

    @Option(names = "--detectors",
            description = "Compare the detectors (cascade, ssd, tiny) frame by frame instead, on a frame every"
                    + " --every seconds.")
    boolean detectors;

    @Option(names = "--every", paramLabel = "S",
            description = "With --detectors: seconds between the frames compared (default ${DEFAULT-VALUE}).")
    double every = 0.08;

    @Option(names = "--videos", paramLabel = "PATH", split = ",",
            description = "Clips or folders to time instead of the course's videos/ folder.")
    List<Path> videos;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        boolean lectureMode = lecture != null || lectureMinutes != null;
        int runs = this.runs != null ? this.runs : lectureMode ? 3 : 5;
        if (runs < 1) {
            throw new UserError("--runs must be at least 1");
        }
        if (detectors) {
            return compareDetectors();
        }
        if (lectureMode) {
            return lecture(runs);
        }
        List<Path> clips = VideoPaths.expand(videos != null ? videos : List.of(courseVideos()));
        Gallery gallery = gallerySource.load();
        PrintWriter out = spec.commandLine().getOut();

        long loading = System.nanoTime();
        try (FaceEngine engine = loadEngine()) {
            double loadMs = (System.nanoTime() - loading) / 1e6;
            VideoResult first = engine.recognise(clips.get(0), clips.get(0).getFileName().toString(), gallery);
            long toFirstResult = MachineInfo.sinceJvmStart();

            Map<Path, List<VideoResult>> warm = new LinkedHashMap<>();
            Map<Path, List<Double>> cpu = new LinkedHashMap<>();
            Map<Path, List<Double>> wall = new LinkedHashMap<>();
            Map<Path, List<Double>> ffmpeg = new LinkedHashMap<>();
            for (int run = 0; run < runs; run++) {
                for (Path clip : clips) {
                    long cpuBefore = MachineInfo.processCpuNanos();
                    long start = System.nanoTime();
                    VideoResult result = engine.recognise(clip, clip.getFileName().toString(), gallery);
                    wall.computeIfAbsent(clip, c -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
                    cpu.computeIfAbsent(clip, c -> new ArrayList<>())
                            .add((MachineInfo.processCpuNanos() - cpuBefore) / 1e6);
                    warm.computeIfAbsent(clip, c -> new ArrayList<>()).add(result);
                    // Right after the engine, so that both see the same load.
                    ffmpeg.computeIfAbsent(clip, c -> new ArrayList<>()).add(FfmpegReference.firstFrameMillis(clip));
                }
            }
            out.println("## Face engine benchmark");
            out.println();
            out.println("Machine: " + MachineInfo.describe());
            out.printf(Locale.ROOT, "Engine: detector %s, tolerance %.2f, %s, %s%n",
                    engine.options().detector(), engine.options().tolerance(),
                    engine.options().earlyStop() ? "early stop on" : "all frames",
                    NetworksLine.of(engine.options().detector()));
            out.println();
            out.printf(Locale.ROOT, "Cold: networks built in %.0f ms; first clip (%s) %.0f ms; JVM start to first"
                    + " result %d ms%n", loadMs, first.video(), first.timingsMs().getOrDefault("total", 0.0),
                    toFirstResult);
            out.println();
            out.printf(Locale.ROOT, "Warm, median of %d runs per clip, milliseconds:%n%n", runs);
            out.println("| clip | status | people (distance) | faces | " + String.join(" | ", COLUMNS)
                    + " | cpu | wall | ffmpeg first frame | engine/ffmpeg |");
            out.println("|---|---|---|---|" + "---:|".repeat(COLUMNS.size() + 4));
            List<Double> ratios = new ArrayList<>();
            List<Double> totals = new ArrayList<>();
            List<Double> cpuTimes = new ArrayList<>();
            Map<String, List<Double>> perStage = new LinkedHashMap<>();
            warm.forEach((clip, results) -> {
                VideoResult last = results.get(results.size() - 1);
                StringBuilder row = new StringBuilder("| ").append(last.video()).append(" | ")
                        .append(last.status().wireName()).append(" | ").append(people(last)).append(" | ")
                        .append(last.facesFound()).append(" |");
                for (String column : COLUMNS) {
                    List<Double> values = results.stream().map(r -> r.timingsMs().getOrDefault(column, 0.0)).toList();
                    perStage.computeIfAbsent(column, c -> new ArrayList<>()).addAll(values);
                    row.append(String.format(Locale.ROOT, " %.1f |", Stats.median(values)));
                }
                row.append(String.format(Locale.ROOT, " %.1f |", Stats.median(cpu.get(clip))));
                double ratio = Stats.median(wall.get(clip)) / Stats.median(ffmpeg.get(clip));
                ratios.add(ratio);
                row.append(String.format(Locale.ROOT, " %.1f | %.1f | %.2f |", Stats.median(wall.get(clip)),
                        Stats.median(ffmpeg.get(clip)), ratio));
                cpuTimes.addAll(cpu.get(clip));
                results.forEach(r -> totals.add(r.timingsMs().getOrDefault("total", 0.0)));
                out.println(row);
            });
            StringBuilder all = new StringBuilder("| all clips | | | |");
            for (String column : COLUMNS) {
                all.append(String.format(Locale.ROOT, " %.1f |", Stats.median(perStage.get(column))));
            }
            all.append(String.format(Locale.ROOT, " %.1f | %.1f | %.1f | %.2f |", Stats.median(cpuTimes),
                    Stats.median(flatten(wall)), Stats.median(flatten(ffmpeg)), Stats.median(ratios)));
            out.println(all);
            out.println();
            out.printf(Locale.ROOT, "engine/ffmpeg first frame: median %.2f, worst clip %.2f (per clip: median warm"
                    + " engine wall time / median `ffmpeg -v error -i clip -frames:v 1 -f null -`, same run)%n",
                    Stats.median(ratios), Stats.percentile(ratios, 100));
            out.println("cpu: process CPU time per clip (all threads), which a busy machine inflates less than the"
                    + " wall-clock stage times.");
            out.printf(Locale.ROOT, "Warm per clip, all stages: median %.1f ms, p95 %.1f ms, max %.1f ms (%d clip runs)%n",
                    Stats.median(totals), Stats.percentile(totals, 95), Stats.percentile(totals, 100), totals.size());
            out.println(MachineInfo.peakMemory());
        }
        return 0;
    }

    private int compareDetectors() {
        if (lectureMinutes != null) {
            throw new UserError("--detectors takes clips (--videos) or a recording (--lecture FILE)");
        }
        if (!(every > 0)) {
            throw new UserError("--every must be above 0 seconds");
        }
        List<Path> clips = lecture != null ? List.of(lecture)
                : VideoPaths.expand(videos != null ? videos : List.of(courseVideos()));
        try {
            new DetectorComparison(spec.commandLine().getOut()).run(clips, every, engineFlags.minScore);
        } catch (org.classroom.face.video.InvalidVideoException e) {
            throw new UserError("cannot read a clip: " + e.getMessage());
        }
        return 0;
    }

    private int lecture(int runs) {
        if (lecture != null && lectureMinutes != null) {
            throw new UserError("give --lecture FILE or --lecture-minutes N, not both");
        }
        if (lectureMinutes != null && !(lectureMinutes > 0)) {
            throw new UserError("--lecture-minutes must be more than 0");
        }
        if (lecture != null && !Files.isRegularFile(lecture)) {
            throw new UserError("no such recording: " + lecture);
        }
        Gallery gallery = gallerySource.load();
        Path folder = null;
        try {
            LectureBench.Recording recording;
            if (lecture != null) {
                recording = new LectureBench.Recording(lecture, "given", Set.of());
            } else {
                folder = Files.createTempDirectory("classroom-bench-");
                recording = build(folder, lectureMinutes * 60);
            }
            try (FaceEngine engine = loadEngine()) {
                new LectureBench(engine, gallery, spec.commandLine().getOut()).run(recording, runs);
            }
            return 0;
        } catch (IOException e) {
            throw new UserError("cannot build the lecture recording: " + e.getMessage());
        } finally {
            deleteQuietly(folder);
        }
    }

    private LectureBench.Recording build(Path folder, double seconds) throws IOException {
        CourseLecture.Plan plan = CourseLecture.plan(gallerySource.samplesDir(), seconds);
        spec.commandLine().getErr().printf(Locale.ROOT, "bench: building a %.0f s recording from the course clips"
                + " with ffmpeg...%n", seconds);
        Path file = CourseLecture.maker().make(plan.scenes(), folder.resolve("lecture.mp4"));
        String description = String.format(Locale.ROOT, "built from the course clips: %.0f s, 1280x720, 25 fps,"
                + " H.264, a key frame every 10 s, %d students on screen in turns", seconds, plan.onScreen().size());
        return new LectureBench.Recording(file, description, plan.onScreen());
    }

    private FaceEngine loadEngine() {
        try {
            return FaceEngine.load(engineFlags.toOptions());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }

    private static List<Double> flatten(Map<Path, List<Double>> byClip) {
        return byClip.values().stream().flatMap(List::stream).toList();
    }

    private Path courseVideos() {
        Path folder = gallerySource.samplesDir().resolve("videos");
        if (!Files.isDirectory(folder)) {
            throw new UserError("no course clips at " + folder + "; give --samples DIR or --videos PATH");
        }
        return folder;
    }

    private static String people(VideoResult result) {
        if (result.people().isEmpty()) {
            return "";
        }
        return result.people().stream().map(BenchCommand::person).collect(Collectors.joining(", "));
    }

    private static String person(RecognisedPerson person) {
        return String.format(Locale.ROOT, "%s (%.3f)", person.name(), person.distance());
    }
}
