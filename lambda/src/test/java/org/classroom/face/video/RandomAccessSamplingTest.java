package org.classroom.face.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clip read by position (as the function reads an S3 object by ranges) samples as the same clip on disk. */
class RandomAccessSamplingTest {

    @TempDir
    Path dir;

    @Test
    void aCourseClipReadByPositionGivesTheSameSamplesAsTheFile() throws Exception {
        Path clip = TestClips.courseClip("test_1.mp4");
        try (CountingFile input = new CountingFile(clip)) {
            assertThat(sampleTimes(FrameSampler.open(input, "test_1.mp4", SamplingOptions.defaults(), VideoLimits.none())))
                    .isEqualTo(sampleTimes(FrameSampler.open(clip, SamplingOptions.defaults())));
            // JavaCV seeks by reset and skip; the stream makes those free instead of keeping what it read.
            assertThat(input.bytesRead).isLessThanOrEqualTo(Files.size(clip));
        }
    }

    @Test
    void aLongRecordingSampledAtItsKeyFramesIsReadInSmallPart() throws Exception {
        // 2 minutes of moving pictures, a key frame every 5 s: every sample is a key frame, every other key frame.
        Path lecture = TestClips.ffmpeg(dir.resolve("pattern.mp4"), "-f", "lavfi", "-i",
                "testsrc2=s=640x360:r=25", "-t", "120", "-c:v", "libx264", "-preset",
                "ultrafast", "-g", "125", "-keyint_min", "125", "-sc_threshold", "0");
        try (CountingFile input = new CountingFile(lecture)) {
            List<Double> times = sampleTimes(FrameSampler.open(input, "pattern.mp4", SamplingOptions.defaults(),
                    VideoLimits.none()));
            assertThat(times).hasSizeGreaterThanOrEqualTo((int) (120 / SamplingOptions.DEFAULT_MAX_SPACING_SECONDS));
            assertThat(input.bytesRead).isLessThan(Files.size(lecture) / 2);
        }
    }

    @Test
    void aSegmentReadByPositionGivesTheFilesSamplesOfThatRangeAndReadsAboutItsOwnShare() throws Exception {
        // One segment of a long recording, as a segment invocation reads it from S3: the index, then its range.
        Path lecture = TestClips.ffmpeg(dir.resolve("pattern.mp4"), "-f", "lavfi", "-i",
                "testsrc2=s=640x360:r=25", "-t", "120", "-c:v", "libx264", "-preset",
                "ultrafast", "-g", "250", "-keyint_min", "250", "-sc_threshold", "0");
        TimeRange lastSixth = new TimeRange(100, 120);
        try (CountingFile input = new CountingFile(lecture)) {
            List<Double> times = sampleTimes(FrameSampler.open(input, "pattern.mp4", SamplingOptions.defaults(),
                    VideoLimits.none(), lastSixth));

            assertThat(times).isEqualTo(sampleTimes(FrameSampler.open(lecture, SamplingOptions.defaults(),
                    VideoLimits.none(), lastSixth)));
            assertThat(times).isNotEmpty().allSatisfy(time -> assertThat(time).isBetween(100.0, 120.0));
            assertThat(input.bytesRead).as("a sixth of the recording and its index")
                    .isLessThan(Files.size(lecture) / 4);
        }
    }

    private static List<Double> sampleTimes(FrameSampler opened) throws InvalidVideoException {
        List<Double> times = new ArrayList<>();
        try (FrameSampler sampler = opened) {
            for (Optional<SampledFrame> next = sampler.next(); next.isPresent(); next = sampler.next()) {
                try (SampledFrame frame = next.get()) {
                    times.add(frame.seconds());
                }
            }
        }
        return times;
    }

    /** A file read by position, counting the bytes handed out. */
    private static final class CountingFile implements RandomAccessInput, AutoCloseable {
        private final RandomAccessFile file;
        long bytesRead;

        CountingFile(Path path) throws IOException {
            this.file = new RandomAccessFile(path.toFile(), "r");
        }

        @Override
        public long size() {
            try {
                return file.length();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public int read(long position, byte[] buffer, int offset, int length) throws IOException {
            file.seek(position);
            int read = file.read(buffer, offset, length);
            bytesRead += Math.max(0, read);
            return read;
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
