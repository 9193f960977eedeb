package org.classroom.face.engine;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.gallery.PickleGalleryReader;
import org.classroom.face.video.LectureMaker;
import org.classroom.face.video.TestClips;

/**
 * The three-minute 720p "lecture" the engine's lecture tests look at, made from the course clips once per test run
 * (encoding it takes seconds) and deleted when the run ends; and the course's gallery.
 *
 * <p>0–15 s nobody; 15–45 Biden; 45–60 nobody; 60–100 Mr Bean and Morgan Freeman side by side; 100–112 Johnny
 * Depp; 112–180 nobody. 10 frames a second, a key frame every 10 s and nowhere else.
 */
final class ThreeMinuteLecture {

    private static Path file;

    private ThreeMinuteLecture() {
    }

    static synchronized Path file() throws IOException {
        if (file == null) {
            assumeTrue(TestClips.hasEncoder("libx264"), "needs the ffmpeg command line with libx264 to make the lecture");
            Path videos = samples().resolve("videos");
            Path dir = Files.createTempDirectory("lecture");
            // Deleted in the reverse order of registering: the file, then its folder.
            dir.toFile().deleteOnExit();
            List<LectureMaker.Scene> scenes = List.of(
                    new LectureMaker.Nobody(15),
                    new LectureMaker.One(videos.resolve("test_1.mp4"), 30),
                    new LectureMaker.Nobody(15),
                    new LectureMaker.SideBySide(videos.resolve("test_2.mp4"), videos.resolve("test_7.mp4"), 40),
                    new LectureMaker.One(videos.resolve("test_4.mp4"), 12),
                    new LectureMaker.Nobody(68));
            Path made = new LectureMaker(new LectureMaker.Format(1280, 720, 10, 10))
                    .make(scenes, dir.resolve("lecture.mp4"));
            made.toFile().deleteOnExit();
            file = made;
        }
        return file;
    }

    static Gallery gallery() throws IOException {
        return PickleGalleryReader.read(samples().resolve("encoding"));
    }

    private static Path samples() {
        return TestClips.courseClip("test_0.mp4").getParent().getParent();
    }
}
