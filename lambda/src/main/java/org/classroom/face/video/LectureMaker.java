package org.classroom.face.video;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes a "lecture" recording from short clips with the ffmpeg command line: scenes one after another,
 * each nobody (black), one clip looped to fill it, or two clips side by side. Key frames fall at a fixed
 * spacing and nowhere else, as in a camera's recording. The tests build fixtures with it and
 * {@code classroom bench} builds its lecture from the course clips, so both measure the same kind of file.
 */
public final class LectureMaker {

    /** A stretch of the recording. */
    public sealed interface Scene {
        double seconds();
    }

    /** Nobody on screen. */
    public record Nobody(double seconds) implements Scene {
    }

    /** One clip, looped, filling the picture. */
    public record One(Path clip, double seconds) implements Scene {
    }

    /** Two clips, the middle half of each at full size (faces as large as in the clips), left and right. */
    public record SideBySide(Path left, Path right, double seconds) implements Scene {
    }

    /** The picture: size, frame rate and key frame spacing. */
    public record Format(int width, int height, int fps, int keyframeSeconds) {
    }

    private final Format format;

    public LectureMaker(Format format) {
        this.format = format;
    }

    /** Writes the scenes to {@code output} (H.264, no sound) and returns it. */
    public Path make(List<Scene> scenes, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        StringBuilder graph = new StringBuilder();
        int input = 0;
        double length = 0;
        for (int index = 0; index < scenes.size(); index++) {
            Scene scene = scenes.get(index);
            String duration = seconds(scene.seconds());
            length += scene.seconds();
            if (scene instanceof SideBySide pair) {
                command.addAll(looped(pair.left(), duration));
                command.addAll(looped(pair.right(), duration));
                graph.append(String.format("[%d:v]%s[l%d];[%d:v]%s[r%d];[l%d][r%d]hstack,setsar=1[s%d];",
                        input, half(), index, input + 1, half(), index, index, index, index));
                input += 2;
                continue;
            }
            if (scene instanceof One one) {
                command.addAll(looped(one.clip(), duration));
            } else {
                command.addAll(List.of("-f", "lavfi", "-t", duration, "-i", String.format(Locale.ROOT,
                        "color=black:size=%dx%d:rate=%d", format.width(), format.height(), format.fps())));
            }
            graph.append(String.format("[%d:v]%s[s%d];", input++, whole(), index));
        }
        for (int index = 0; index < scenes.size(); index++) {
            graph.append("[s").append(index).append(']');
        }
        graph.append("concat=n=").append(scenes.size()).append(":v=1:a=0[v]");
        String keyframeFrames = String.valueOf(format.keyframeSeconds() * format.fps());
        command.addAll(List.of("-filter_complex", graph.toString(), "-map", "[v]", "-an", "-c:v", "libx264",
                "-preset", "ultrafast", "-g", keyframeFrames, "-keyint_min", keyframeFrames, "-sc_threshold", "0",
                "-t", seconds(length), output.toString()));
        run(command);
        return output;
    }

    private String whole() {
        return String.format(Locale.ROOT, "fps=%d,scale=%d:%d,setsar=1,format=yuv420p", format.fps(), format.width(),
                format.height());
    }

    private String half() {
        return String.format(Locale.ROOT, "fps=%d,scale=%d:%d,crop=%d:%d,setsar=1,format=yuv420p", format.fps(),
                format.width(), format.height(), format.width() / 2, format.height());
    }

    private static List<String> looped(Path clip, String duration) {
        return List.of("-stream_loop", "-1", "-t", duration, "-i", clip.toString());
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException("ffmpeg failed (" + process.exitValue() + "): " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while ffmpeg made a recording", e);
        }
    }
}
