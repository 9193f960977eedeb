package org.classroom.cli.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;

/**
 * The poison clip of the load test's fault run: a course clip cut off half-way, as an upload that broke
 * off would leave it. The system must give it a final status with a reason ({@code invalid-video}, or
 * {@code error} once its retries are spent) and let it hold up nothing else.
 */
final class PoisonClip {

    static final String KEY = "poison.mp4";

    private PoisonClip() {
    }

    /** Writes the first half of {@code clip} to a new file in {@code folder}. */
    static Path cutFrom(Path clip, Path folder) throws IOException {
        Path poison = folder.resolve(KEY);
        long half = Files.size(clip) / 2;
        try (InputStream in = Files.newInputStream(clip); OutputStream out = Files.newOutputStream(poison)) {
            out.write(in.readNBytes((int) half));
        }
        return poison;
    }

    /** The report line for the poison clip's result, if it has one. */
    static String describe(Optional<VideoResult> result) {
        return result.map(r -> String.format("%-16s %-40s %s", KEY, r.status().wireName() + ": " + r.reason(),
                ended(result) ? "ok" : "WRONG")).orElse(String.format("%-16s %-40s %s", KEY, "(no result)", "MISSING"));
    }

    /** Whether the poison clip ended as it must: a failure status that says why. */
    static boolean ended(Optional<VideoResult> result) {
        return result.filter(r -> r.status() == ResultStatus.INVALID_VIDEO || r.status() == ResultStatus.ERROR)
                .filter(r -> r.reason() != null && !r.reason().isBlank())
                .isPresent();
    }
}
