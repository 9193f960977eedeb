package org.classroom.desktop.logic.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classroom.common.config.SampleData;
import org.classroom.desktop.testing.SampleFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIntakeTest {

    @TempDir
    Path dir;

    @Test
    void acceptsAnIsoMediaFileAndRefusesARenamedJpegWithItsReason() throws Exception {
        Path video = SampleFiles.mp4(dir, "lecture.mp4", 100);
        Path photo = SampleFiles.jpeg(dir, "photo.mp4");

        Intake intake = new FileIntake().take(List.of(video, photo));

        assertThat(intake.accepted()).extracting(Candidate::file).containsExactly(video.toRealPath());
        assertThat(intake.refused()).singleElement().satisfies(refusal -> {
            assertThat(refusal.file()).isEqualTo(photo);
            assertThat(refusal.message()).startsWith("photo.mp4 is not an MP4 video: it is a JPEG image");
        });
    }

    @Test
    void refusesEmptyAndMissingFiles() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        Path missing = dir.resolve("missing.mp4");

        Intake intake = new FileIntake().take(List.of(empty, missing));

        assertThat(intake.accepted()).isEmpty();
        assertThat(intake.refused()).extracting(Refusal::reason).containsExactly("is empty", "does not exist");
    }

    @Test
    void walksFoldersRecursivelySkippingHiddenOnes() throws Exception {
        Path a = SampleFiles.mp4(dir.resolve("week1"), "a.mp4", 10);
        Path b = SampleFiles.mp4(dir.resolve("week1/monday"), "b.mp4", 20);
        SampleFiles.mp4(dir.resolve("week1/.cache"), "c.mp4", 30);
        Files.writeString(dir.resolve("week1/notes.txt"), "bring coffee");

        Intake intake = new FileIntake().take(List.of(dir.resolve("week1")));

        assertThat(intake.accepted()).extracting(Candidate::file)
                .containsExactlyInAnyOrder(a.toRealPath(), b.toRealPath());
        assertThat(intake.refused()).extracting(r -> r.file().getFileName().toString()).containsExactly("notes.txt");
    }

    @Test
    void takesTheSameFileOnceBySamePathLinkOrContent() throws Exception {
        Path video = SampleFiles.mp4(dir, "lecture.mp4", 100);
        Path link = Files.createSymbolicLink(dir.resolve("link.mp4"), video);
        Path copy = Files.copy(video, dir.resolve("copy.mp4"));
        Path other = SampleFiles.mp4(dir, "other.mp4", 100);
        FileIntake intake = new FileIntake();

        Intake first = intake.take(List.of(video, video));
        Intake second = intake.take(List.of(link, copy, other, dir));

        assertThat(first.accepted()).hasSize(1);
        assertThat(first.duplicates()).containsExactly(video);
        assertThat(second.accepted()).extracting(Candidate::file).containsExactly(other.toRealPath());
        assertThat(second.duplicates()).contains(link, copy);
    }

    @Test
    void aForgottenFileCanBeTakenAgain() throws Exception {
        Path video = SampleFiles.mp4(dir, "lecture.mp4", 100);
        FileIntake intake = new FileIntake();
        intake.take(List.of(video));

        intake.forget(video);

        assertThat(intake.take(List.of(video)).accepted()).hasSize(1);
    }

    @Test
    void acceptsEveryCourseClip() throws Exception {
        Assumptions.assumeTrue(SampleData.find().isPresent(), SampleData.missingMessage());
        Path videos = SampleData.find().orElseThrow().resolve("videos");

        Intake intake = new FileIntake().take(List.of(videos));

        assertThat(intake.accepted()).hasSize(8);
        assertThat(intake.refused()).isEmpty();
    }
}
