package org.classroom.cli.face;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * engine, first clip) and warm (median of several runs), with the machine it ran on and peak memory.
 * Prints a Markdown table, ready for the docs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time the face engine on the course clips: cold start, then per stage and per clip warm"
                + " (median of --runs), with the machine and peak memory. Prints Markdown."})
public final class BenchCommand implements Callable<Integer> {

    private static final List<String> COLUMNS = List.of("open", "decode", "detect", "landmarks", "align", "encode",
            "match", "total");

    @Mixin
    GallerySource gallerySource;

    @Mixin
    EngineFlags engineFlags;

    @Option(names = "--runs", paramLabel = "N", description = "Warm runs over all clips (default ${DEFAULT-VALUE}).")
    int runs = 5;

    @Option(names = "--videos", paramLabel = "PATH", split = ",",
            description = "Clips or folders to time instead of the course's videos/ folder.")
    List<Path> videos;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (runs < 1) {
            throw new UserError("--runs must be at least 1");
        }
        List<Path> clips = VideoPaths.expand(videos != null ? videos : List.of(courseVideos()));
        Gallery gallery = gallerySource.load();
        PrintWriter out = spec.commandLine().getOut();

        long loading = System.nanoTime();
        FaceEngine engine;
        try {
            engine = FaceEngine.load(engineFlags.toOptions());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        try (engine) {
            double loadMs = (System.nanoTime() - loading) / 1e6;
            VideoResult first = engine.recognise(clips.get(0), clips.get(0).getFileName().toString(), gallery);
            long toFirstResult = MachineInfo.sinceJvmStart();

            Map<Path, List<VideoResult>> warm = new LinkedHashMap<>();
            Map<Path, List<Double>> cpu = new LinkedHashMap<>();
            for (int run = 0; run < runs; run++) {
                for (Path clip : clips) {
                    long cpuBefore = MachineInfo.processCpuNanos();
                    VideoResult result = engine.recognise(clip, clip.getFileName().toString(), gallery);
                    cpu.computeIfAbsent(clip, c -> new ArrayList<>())
                            .add((MachineInfo.processCpuNanos() - cpuBefore) / 1e6);
                    warm.computeIfAbsent(clip, c -> new ArrayList<>()).add(result);
                }
            }
            out.println("## Face engine benchmark");
            out.println();
            out.println("Machine: " + MachineInfo.describe());
            out.printf(Locale.ROOT, "Engine: detector %s, tolerance %.2f, %s%n", engine.options().detector(),
                    engine.options().tolerance(), engine.options().earlyStop() ? "early stop on" : "all frames");
            out.println();
            out.printf(Locale.ROOT, "Cold: networks built in %.0f ms; first clip (%s) %.0f ms; JVM start to first"
                    + " result %d ms%n", loadMs, first.video(), first.timingsMs().getOrDefault("total", 0.0),
                    toFirstResult);
            out.println();
            out.printf(Locale.ROOT, "Warm, median of %d runs per clip, milliseconds:%n%n", runs);
            out.println("| clip | status | people (distance) | faces | " + String.join(" | ", COLUMNS) + " | cpu |");
            out.println("|---|---|---|---|" + "---:|".repeat(COLUMNS.size() + 1));
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
                cpuTimes.addAll(cpu.get(clip));
                results.forEach(r -> totals.add(r.timingsMs().getOrDefault("total", 0.0)));
                out.println(row);
            });
            StringBuilder all = new StringBuilder("| all clips | | | |");
            for (String column : COLUMNS) {
                all.append(String.format(Locale.ROOT, " %.1f |", Stats.median(perStage.get(column))));
            }
            all.append(String.format(Locale.ROOT, " %.1f |", Stats.median(cpuTimes)));
            out.println(all);
            out.println();
            out.println("cpu: process CPU time per clip (all threads), which a busy machine inflates less than the"
                    + " wall-clock stage times.");
            out.printf(Locale.ROOT, "Warm per clip, all stages: median %.1f ms, p95 %.1f ms, max %.1f ms (%d clip runs)%n",
                    Stats.median(totals), Stats.percentile(totals, 95), Stats.percentile(totals, 100), totals.size());
            out.println(MachineInfo.peakMemory());
        }
        return 0;
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
