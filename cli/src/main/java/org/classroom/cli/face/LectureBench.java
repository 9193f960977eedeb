package org.classroom.cli.face;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.face.engine.FaceEngine;
import org.classroom.face.gallery.Gallery;

/**
 * The lecture benchmark: the engine on one long recording against {@code ffmpeg -i <same file> -f null -},
 * taken in turns in the same run so that both see the same machine load, and who the engine found when.
 */
final class LectureBench {

    /** The recording, what it is (for the report) and, when bench built it, who is on screen in it. */
    record Recording(Path file, String description, Set<String> onScreen) {
    }

    private final FaceEngine engine;
    private final Gallery gallery;
    private final PrintWriter out;

    LectureBench(FaceEngine engine, Gallery gallery, PrintWriter out) {
        this.engine = engine;
        this.gallery = gallery;
        this.out = out;
    }

    void run(Recording recording, int runs) {
        String name = recording.file().getFileName().toString();
        List<Double> engineMs = new ArrayList<>();
        List<Double> ffmpegMs = new ArrayList<>();
        VideoResult result = null;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            result = engine.recognise(recording.file(), name, gallery);
            engineMs.add((System.nanoTime() - start) / 1e6);
            ffmpegMs.add(FfmpegReference.decodeAllMillis(recording.file()));
        }
        out.println("## Face engine on a lecture recording");
        out.println();
        out.println("Machine: " + MachineInfo.describe());
        out.printf(Locale.ROOT, "Engine: detector %s, tolerance %.2f, %s%n", engine.options().detector(),
                engine.options().tolerance(), NetworksLine.of(engine.options().detector()));
        out.printf(Locale.ROOT, "Recording: %s, %s, %.1f MB%n", name, recording.description(),
                megabytes(recording.file()));
        out.println();
        out.println("| run | engine ms | ffmpeg decode ms |");
        out.println("|---:|---:|---:|");
        for (int run = 0; run < runs; run++) {
            out.printf(Locale.ROOT, "| %d | %.0f | %.0f |%n", run + 1, engineMs.get(run), ffmpegMs.get(run));
        }
        out.println();
        double engineMedian = Stats.median(engineMs);
        double ffmpegMedian = Stats.median(ffmpegMs);
        out.printf(Locale.ROOT, "engine/ffmpeg: %.2f (engine %.0f ms, `%s` %.0f ms; median of %d runs each)%n",
                engineMedian / ffmpegMedian, engineMedian, FfmpegReference.describeDecodeAll(recording.file()),
                ffmpegMedian, runs);
        out.println();
        printPeople(result, recording.onScreen());
        out.println(MachineInfo.peakMemory());
        out.flush();
    }

    private void printPeople(VideoResult result, Set<String> onScreen) {
        out.println("Status: " + result.status().wireName() + (result.reason() == null ? "" : ": " + result.reason()));
        for (RecognisedPerson person : result.people()) {
            out.printf(Locale.ROOT, "- %s (%.3f): %s%n", person.name(), person.distance(),
                    AppearanceTimes.format(person.appearances()));
        }
        out.println("Unknown people: " + result.unknownPeople().size() + result.unknownPeople().stream()
                .map(person -> " [" + AppearanceTimes.format(person.appearances()) + "]").collect(Collectors.joining()));
        if (!onScreen.isEmpty()) {
            Set<String> found = result.people().stream().map(RecognisedPerson::name).collect(Collectors.toSet());
            Set<String> missed = new TreeSet<>(onScreen);
            missed.removeAll(found);
            Set<String> extra = new TreeSet<>(found);
            extra.removeAll(onScreen);
            out.printf(Locale.ROOT, "On screen: %d people; found all: %s%s%n", onScreen.size(),
                    missed.isEmpty() ? "yes" : "no, missed " + missed,
                    extra.isEmpty() ? "" : "; also named, wrongly: " + extra);
        }
    }

    private static double megabytes(Path file) {
        try {
            return Files.size(file) / 1e6;
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
