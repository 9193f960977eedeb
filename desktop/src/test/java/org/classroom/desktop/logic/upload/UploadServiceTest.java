package org.classroom.desktop.logic.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classroom.desktop.testing.Eventually.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.classroom.desktop.testing.FolderUploader;
import org.classroom.desktop.testing.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadServiceTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private List<Path> clips(int count) throws Exception {
        List<Path> clips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clips.add(SampleFiles.mp4(dir.resolve("clips"), "test_" + i + ".mp4", 200 + i));
        }
        return clips;
    }

    @Test
    void uploadsEveryFileAFewAtATimeWithProgress() throws Exception {
        FolderUploader bucket = new FolderUploader(dir.resolve("bucket"));
        List<Double> fractions = new java.util.concurrent.CopyOnWriteArrayList<>();
        UploadService service = new UploadService(bucket, new UploadJournal(dir.resolve("journal.json")), 2,
                upload -> fractions.add(upload.fraction()));

        List<Upload> uploads = clips(5).stream().map(service::submit).toList();
        waitFor("all uploads", LIMIT, () -> uploads.stream().allMatch(u -> u.state() == UploadState.DONE));

        for (Upload upload : uploads) {
            assertThat(Files.mismatch(upload.file(), bucket.folder().resolve(upload.key()))).isEqualTo(-1);
            assertThat(upload.etag()).isNotBlank();
            assertThat(upload.finishedAt()).isNotNull();
        }
        assertThat(bucket.mostAtOnce.get()).isBetween(1, 2);
        assertThat(fractions).anyMatch(f -> f > 0 && f < 1);
        assertThat(new UploadJournal(dir.resolve("journal.json")).read()).isEmpty();
    }

    @Test
    void aFailureKeepsItsReasonUntilRetried() throws Exception {
        FolderUploader bucket = new FolderUploader(dir.resolve("bucket"));
        bucket.failNext.add("test_0.mp4");
        UploadService service = new UploadService(bucket, new UploadJournal(dir.resolve("journal.json")), 2, u -> { });
        Upload upload = service.submit(clips(1).get(0));

        waitFor("the failure", LIMIT, () -> upload.state() == UploadState.FAILED);
        assertThat(upload.reason()).isEqualTo("the bucket said no (simulated)");
        assertThat(new UploadJournal(dir.resolve("journal.json")).read()).hasSize(1);

        service.retry(upload);
        waitFor("the retry", LIMIT, () -> upload.state() == UploadState.DONE);
        assertThat(upload.reason()).isNull();
        assertThat(bucket.folder().resolve("test_0.mp4")).exists();
    }

    @Test
    void cancelStopsARunningUpload() throws Exception {
        FolderUploader bucket = new FolderUploader(dir.resolve("bucket"));
        bucket.hold = new CountDownLatch(1);
        UploadService service = new UploadService(bucket, new UploadJournal(dir.resolve("journal.json")), 1, u -> { });
        Upload upload = service.submit(clips(1).get(0));
        waitFor("the upload to start", LIMIT, () -> upload.transferred() > 0);

        service.cancel(upload);
        bucket.hold.countDown();

        waitFor("the copy thread to stop", LIMIT, () -> bucket.running.get() == 0);
        assertThat(upload.state()).isEqualTo(UploadState.CANCELLED);
        assertThat(new UploadJournal(dir.resolve("journal.json")).read()).isEmpty();
    }

    @Test
    void unfinishedUploadsSurviveARestart() throws Exception {
        Path journalFile = dir.resolve("state/uploads.json");
        FolderUploader stuck = new FolderUploader(dir.resolve("bucket"));
        stuck.hold = new CountDownLatch(1);
        UploadService before = new UploadService(stuck, new UploadJournal(journalFile), 1, u -> { });
        List<Path> clips = clips(3);
        clips.forEach(before::submit);
        assertThat(new UploadJournal(journalFile).read()).extracting(UploadJournal.Entry::key)
                .containsExactly("test_0.mp4", "test_1.mp4", "test_2.mp4");
        before.close();

        FolderUploader bucket = new FolderUploader(dir.resolve("bucket"));
        UploadService after = new UploadService(bucket, new UploadJournal(journalFile), 2, u -> { });
        List<Upload> resumed = after.resumeJournal();

        assertThat(resumed).extracting(Upload::key).containsExactly("test_0.mp4", "test_1.mp4", "test_2.mp4");
        waitFor("the resumed uploads", LIMIT, () -> resumed.stream().allMatch(u -> u.state() == UploadState.DONE));
        assertThat(new UploadJournal(journalFile).read()).isEmpty();
        stuck.hold.countDown();
    }

    @Test
    void twoFilesWithTheSameNameGetDifferentKeys() throws Exception {
        Path a = SampleFiles.mp4(dir.resolve("monday"), "lecture.mp4", 10);
        Path b = SampleFiles.mp4(dir.resolve("tuesday"), "lecture.mp4", 20);
        UploadService service = new UploadService(new FolderUploader(dir.resolve("bucket")),
                new UploadJournal(dir.resolve("journal.json")), 1, u -> { });

        Upload first = service.submit(a);
        Upload second = service.submit(b);

        assertThat(List.of(first.key(), second.key())).containsExactly("lecture.mp4", "lecture-2.mp4");
        waitFor("both uploads", LIMIT, () -> first.state() == UploadState.DONE && second.state() == UploadState.DONE);
    }
}
