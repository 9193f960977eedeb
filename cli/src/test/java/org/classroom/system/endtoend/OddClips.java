package org.classroom.system.endtoend;

import static org.classroom.common.model.ResultStatus.INVALID_VIDEO;
import static org.classroom.common.model.ResultStatus.NO_FACE;
import static org.classroom.common.model.ResultStatus.RECOGNISED;
import static org.classroom.common.model.ResultStatus.UNKNOWN_FACE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.classroom.common.model.ResultStatus;

/**
 * Makes, with the ffmpeg command, clips that real users will upload and that the course's eight do not
 * cover: odd names, late faces, sideways phone clips, other codecs, small faces, two students, no one
 * known, and files that are not videos at all.
 */
final class OddClips {

    private final Path videos;
    private final Path folder;

    /**
     * @param videos the course's {@code videos/} folder (test_0 president_trump, test_2 mr_bean, test_4
     *               johnny_dep, test_5 vin_diesel and a boy in no gallery, test_6 and test_7 see expected.csv)
     */
    OddClips(Path videos, Path folder) {
        this.videos = videos;
        this.folder = folder;
    }

    static boolean ffmpegAvailable() {
        try {
            return new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Every clip; {@code nameOf} gives the expected student of a course clip. */
    List<OddClip> make(java.util.function.Function<String, String> nameOf) {
        List<OddClip> clips = new ArrayList<>();
        clips.add(copy("test_0.mp4", "lecture ünïcødé 0.mp4", "a key with spaces and non-ASCII letters",
                RECOGNISED, nameOf.apply("test_0.mp4")));
        clips.add(ffmpeg("late face.mp4", "a face only after 20 s of black", RECOGNISED, List.of(nameOf.apply("test_2.mp4")),
                "-f", "lavfi", "-i", "color=c=black:s=1280x720:r=24000/1001:d=20", "-i", course("test_2.mp4"),
                "-filter_complex", "[0:v][1:v:0]concat=n=2:v=1:a=0[v]", "-map", "[v]", "-c:v", "libx264", "-pix_fmt", "yuv420p"));
        clips.add(sideways(nameOf.apply("test_4.mp4")));
        clips.add(ffmpeg("hevc.mp4", "H.265 video", RECOGNISED, List.of(nameOf.apply("test_6.mp4")),
                "-i", course("test_6.mp4"), "-c:v", "libx265", "-x265-params", "log-level=error", "-tag:v", "hvc1", "-an"));
        clips.add(ffmpeg("mpeg4 part 2.mp4", "MPEG-4 part 2 video", RECOGNISED, List.of(nameOf.apply("test_7.mp4")),
                "-i", course("test_7.mp4"), "-c:v", "mpeg4", "-q:v", "3", "-an"));
        clips.add(ffmpeg("small face.mp4", "the clip at half size in a 1920×1080 frame", RECOGNISED,
                List.of(nameOf.apply("test_0.mp4")),
                "-i", course("test_0.mp4"), "-vf", "scale=640:360,pad=1920:1080:1100:600", "-c:v", "libx264", "-an"));
        clips.add(ffmpeg("two students.mp4", "two clips side by side", RECOGNISED,
                List.of(nameOf.apply("test_0.mp4"), nameOf.apply("test_2.mp4")),
                "-i", course("test_0.mp4"), "-i", course("test_2.mp4"),
                "-filter_complex", "[0:v][1:v]hstack=inputs=2:shortest=1[v]", "-map", "[v]", "-c:v", "libx264", "-an"));
        clips.add(ffmpeg("no face.mp4", "a test pattern", NO_FACE, List.of(),
                "-f", "lavfi", "-i", "testsrc=s=1280x720:r=25:d=3", "-c:v", "libx264", "-pix_fmt", "yuv420p"));
        clips.add(ffmpeg("stranger.mp4", "the boy of test_5, who is in no gallery, with Vin Diesel blacked out",
                UNKNOWN_FACE, List.of(), "-t", "0.3", "-i", course("test_5.mp4"),
                "-vf", "drawbox=x=380:y=0:w=500:h=560:color=black:t=fill", "-c:v", "libx264", "-an"));
        clips.add(ffmpeg("picture.mp4", "a JPEG named .mp4", INVALID_VIDEO, List.of(),
                "-i", course("test_0.mp4"), "-frames:v", "1", "-f", "image2", "-c:v", "mjpeg"));
        clips.add(bytes("truncated.mp4", "the first 40 KB of an MP4", Arrays.copyOf(read(videos.resolve("test_1.mp4")), 40_000)));
        clips.add(bytes("empty.mp4", "an empty file", new byte[0]));
        clips.add(bytes("notes.mp4", "a text file", "Lecture notes, week 3\n".getBytes(StandardCharsets.UTF_8)));
        return clips;
    }

    private OddClip sideways(String name) {
        Path upright = folder.resolve("sideways-pixels.tmp.mp4");
        run("-i", course("test_4.mp4"), "-vf", "transpose=1", "-c:v", "libx264", "-an", upright.toString());
        OddClip clip = ffmpeg("phone sideways.mp4", "pixels stored sideways with rotation metadata", RECOGNISED, List.of(name),
                "-i", upright.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90");
        delete(upright);
        return clip;
    }

    private OddClip copy(String course, String fileName, String why, ResultStatus status, String name) {
        try {
            Path file = folder.resolve(fileName);
            Files.copy(videos.resolve(course), file);
            return new OddClip(file, why, status, List.of(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OddClip bytes(String fileName, String why, byte[] content) {
        try {
            Path file = folder.resolve(fileName);
            Files.write(file, content);
            return new OddClip(file, why, INVALID_VIDEO, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OddClip ffmpeg(String fileName, String why, ResultStatus status, List<String> names, String... arguments) {
        Path file = folder.resolve(fileName);
        List<String> all = new ArrayList<>(Arrays.asList(arguments));
        all.add(file.toString());
        run(all.toArray(String[]::new));
        return new OddClip(file, why, status, names);
    }

    private String course(String clip) {
        return videos.resolve(clip).toString();
    }

    private static void run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin", "-y"));
        command.addAll(Arrays.asList(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed: " + String.join(" ", command) + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
