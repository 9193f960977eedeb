package org.classroom.face.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameSamplerTest {

    /** Samples at most 5 s apart: between key frames 10 s apart, one frame reached by decoding forward. */
    private static final SamplingOptions FIVE_SECONDS = SamplingOptions.defaults().withMaxSpacing(5);


    @TempDir
    Path dir;

    @Test
    void samplesTheFirstFrameThenEveryHalfSecondAcrossTheClip() throws Exception {
        Path clip = TestClips.courseClip("test_0.mp4");
        List<Double> times = new ArrayList<>();
        try (FrameSampler sampler = FrameSampler.open(clip, SamplingOptions.defaults())) {
            assertThat(sampler.info().width()).isEqualTo(1280);
            assertThat(sampler.info().height()).isEqualTo(720);
            assertThat(sampler.info().durationSeconds()).isCloseTo(2.0, within(0.1));
            for (Optional<SampledFrame> next = sampler.next(); next.isPresent(); next = sampler.next()) {
                try (SampledFrame frame = next.get()) {
                    assertThat(frame.image().channels()).isEqualTo(3);
                    assertThat(frame.width()).isEqualTo(1280);
                    times.add(frame.seconds());
                }
            }
        }
        assertThat(times.get(0)).isZero();
        assertThat(times).hasSizeBetween(4, 5).isSorted();
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).isCloseTo(i * 0.5, within(0.1));
        }
    }

    @Test
    void stopsAtTheFrameBudget() throws Exception {
        try (FrameSampler sampler = FrameSampler.open(TestClips.courseClip("test_5.mp4"),
                SamplingOptions.defaults().withMaxFrames(2))) {
            assertThat(sampler.next()).isPresent().get().satisfies(SampledFrame::close);
            assertThat(sampler.next()).isPresent().get().satisfies(SampledFrame::close);
            assertThat(sampler.next()).isEmpty();
        }
    }

    @Test
    void takesTheKeyFramesOfALongClipAndFillsGapsWiderThanTheSpacing() throws Exception {
        // 40 s, a key frame every 10 s (250 frames): key frames at 0, 10, 20, 30 and one sample between each.
        Path clip = TestClips.ffmpeg(dir.resolve("long.mp4"), "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=40",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "250", "-keyint_min", "250", "-sc_threshold", "0");
        List<Double> times = new ArrayList<>();
        try (FrameSampler sampler = FrameSampler.open(clip, FIVE_SECONDS)) {
            assertThat(sampler.isShortClip()).isFalse();
            for (Optional<SampledFrame> next = sampler.next(); next.isPresent(); next = sampler.next()) {
                next.get().close();
                times.add(next.get().seconds());
            }
            // Seeks land on the key frames; only the halves before the added frames are decoded.
            assertThat(sampler.decodedFrames()).isLessThan(600);
        }
        assertThat(times).hasSize(8);
        for (int i = 0; i < times.size(); i++) {
            assertThat(times.get(i)).isCloseTo(i * 5.0, within(0.1));
        }
    }

    @Test
    void atTheDefaultSpacingARecordingWithKeyFramesTenSecondsApartIsSampledAtItsKeyFramesAlone() throws Exception {
        // A camera's recording: a key frame every 10 s, as often as the default spacing asks for a sample.
        Path clip = TestClips.ffmpeg(dir.resolve("camera.mp4"), "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=40",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "250", "-keyint_min", "250", "-sc_threshold", "0");
        List<Double> times = new ArrayList<>();
        try (FrameSampler sampler = FrameSampler.open(clip, SamplingOptions.defaults())) {
            for (Optional<SampledFrame> next = sampler.next(); next.isPresent(); next = sampler.next()) {
                next.get().close();
                times.add(next.get().seconds());
            }
            assertThat(sampler.decodedFrames()).as("a few frames per sample, none decoded between key frames")
                    .isLessThan(3 * times.size());
        }
        assertThat(times).hasSize(4);
        for (int i = 0; i < times.size(); i++) {
            assertThat(times.get(i)).isCloseTo(i * 10.0, within(0.1));
        }
    }

    @Test
    void samplesOnlyWithinATimeRangeStartingAtItsStartWithAbsoluteTimes() throws Exception {
        // 40 s, key frames at 0, 10, 20, 30; the range 12–27 s starts between key frames.
        Path clip = TestClips.ffmpeg(dir.resolve("long.mp4"), "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=40",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "250", "-keyint_min", "250", "-sc_threshold", "0");
        List<Double> times = new ArrayList<>();
        try (FrameSampler sampler = FrameSampler.open(clip, FIVE_SECONDS, VideoLimits.none(),
                new TimeRange(12, 27))) {
            assertThat(sampler.isShortClip()).as("a part never stops early").isFalse();
            for (Optional<SampledFrame> next = sampler.next(); next.isPresent(); next = sampler.next()) {
                next.get().close();
                times.add(next.get().seconds());
            }
        }
        assertThat(times.get(0)).isCloseTo(12.0, within(0.05));
        assertThat(times).isSorted().allSatisfy(time -> assertThat(time).isLessThan(27.0));
        assertThat(times).as("the key frame inside the range is one of the samples").anySatisfy(time ->
                assertThat(time).isCloseTo(20.0, within(0.05)));
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).isLessThanOrEqualTo(5.05);
        }
        assertThat(27.0 - times.get(times.size() - 1)).as("the next range's first sample is a spacing away at most")
                .isLessThanOrEqualTo(5.0);
    }

    @Test
    void aRangePastTheEndOfTheStreamHasNoSamplesRatherThanBeingInvalid() throws Exception {
        Path clip = TestClips.ffmpeg(dir.resolve("short.mp4"), "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=12",
                "-c:v", "libx264", "-preset", "ultrafast");
        try (FrameSampler sampler = FrameSampler.open(clip, SamplingOptions.defaults(), VideoLimits.none(),
                new TimeRange(30, 60))) {
            assertThat(sampler.next()).isEmpty();
        }
    }

    @Test
    void refusesAClipWhoseFramesAreOverThePixelLimitBeforeDecodingAny() throws Exception {
        Path clip = TestClips.ffmpeg(dir.resolve("wide.mp4"), "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=1",
                "-c:v", "libx264", "-preset", "ultrafast");
        VideoLimits justUnder = new VideoLimits(320 * 240 - 1, VideoLimits.DEFAULT_DEADLINE);
        assertThatThrownBy(() -> FrameSampler.open(clip, SamplingOptions.defaults(), justUnder))
                .isInstanceOf(InvalidVideoException.class)
                .hasMessage("frame 320x240 exceeds the 76799-pixel limit (CLASSROOM_MAX_FRAME_PIXELS)");
        try (FrameSampler sampler = FrameSampler.open(clip, SamplingOptions.defaults(),
                new VideoLimits(320 * 240, VideoLimits.DEFAULT_DEADLINE))) {
            assertThat(sampler.next()).isPresent();
        }
    }

    @Test
    void aSlowClipEndsAtItsDeadlineInsteadOfDecodingOn() throws Exception {
        // Key frames 10 s apart: the second sample (5 s) is reached by decoding forward, frame by frame.
        Path clip = TestClips.ffmpeg(dir.resolve("slow.mp4"), "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=40",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "250", "-keyint_min", "250", "-sc_threshold", "0");
        // Each look at the clock costs a fifth of a second, as if every frame took that long to decode.
        VideoLimits oneSecond = new VideoLimits(VideoLimits.DEFAULT_MAX_FRAME_PIXELS, java.time.Duration.ofSeconds(1),
                new SteppingClock(java.time.Duration.ofMillis(200)));
        List<Double> times = new ArrayList<>();
        try (FrameSampler sampler = FrameSampler.open(clip, FIVE_SECONDS, oneSecond)) {
            assertThatThrownBy(() -> {
                for (Optional<SampledFrame> next = sampler.next(); next.isPresent(); next = sampler.next()) {
                    next.get().close();
                    times.add(next.get().seconds());
                }
            }).isInstanceOf(InvalidVideoException.class)
                    .hasMessage("processing stopped after 1 s (CLASSROOM_VIDEO_DEADLINE_SECONDS)");
            assertThat(sampler.decodedFrames()).isLessThan(10);
        }
        // Stopped early in the clip: the whole of it gives 8 samples (see the key frame test above).
        assertThat(times).isNotEmpty().hasSizeLessThan(8);
    }

    @Test
    void aLongClipWithDenseKeyFramesIsSampledAtTheSpacingByKeyFramesAlone() throws Exception {
        Path clip = TestClips.ffmpeg(dir.resolve("dense.mp4"), "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=30",
                "-c:v", "libx264", "-preset", "ultrafast", "-g", "25");
        List<Double> times = new ArrayList<>();
        try (FrameSampler sampler = FrameSampler.open(clip, FIVE_SECONDS)) {
            for (Optional<SampledFrame> next = sampler.next(); next.isPresent(); next = sampler.next()) {
                next.get().close();
                times.add(next.get().seconds());
            }
            assertThat(sampler.decodedFrames()).as("one frame per sample").isLessThan(3 * times.size());
        }
        assertThat(times).hasSize(6);
        for (int i = 0; i < times.size(); i++) {
            // The grabber's seek hands out the frame after the key frame it lands on.
            assertThat(times.get(i)).isCloseTo(i * 5.0, within(0.1));
        }
    }

    @Test
    void turnsSidewaysClipsUpright() throws Exception {
        Path clip = TestClips.courseClip("test_0.mp4");
        // Stored turned a quarter clockwise, with the display matrix saying how to undo it.
        Path stored = TestClips.ffmpeg(dir.resolve("stored.mp4"), "-i", clip.toString(), "-t", "0.5",
                "-vf", "transpose=clock", "-an", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "12");
        Path sideways = TestClips.ffmpeg(dir.resolve("sideways.mp4"), "-i", stored.toString(), "-c", "copy",
                "-metadata:s:v", "rotate=90");
        Path storedOther = TestClips.ffmpeg(dir.resolve("stored-ccw.mp4"), "-i", clip.toString(), "-t", "0.5",
                "-vf", "transpose=cclock", "-an", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "12");
        Path sidewaysOther = TestClips.ffmpeg(dir.resolve("sideways-ccw.mp4"), "-i", storedOther.toString(),
                "-c", "copy", "-metadata:s:v", "rotate=270");

        try (SampledFrame original = firstFrame(clip);
             SampledFrame turned = firstFrame(sideways);
             SampledFrame turnedOther = firstFrame(sidewaysOther);
             SampledFrame unturned = firstFrame(stored)) {
            assertThat(unturned.width()).isEqualTo(720);
            assertThat(turned.width()).isEqualTo(1280);
            assertThat(turned.height()).isEqualTo(720);
            assertThat(meanDifference(original.image(), turned.image())).isLessThan(6);
            assertThat(meanDifference(original.image(), turnedOther.image())).isLessThan(6);
            // and the check can fail: the same frame upside down is far off
            try (SampledFrame upsideDown = new SampledFrame(FrameRotation.turn(turned.image(), 180), 0, 0)) {
                assertThat(meanDifference(original.image(), upsideDown.image())).isGreaterThan(20);
            }
        }
        try (FrameSampler sampler = FrameSampler.open(sideways, SamplingOptions.defaults())) {
            assertThat(sampler.info().clockwiseTurn()).isEqualTo(270);
        }
    }

    @Test
    void readsMpeg4PartTwoAndHevc() throws Exception {
        Path clip = TestClips.courseClip("test_7.mp4");
        Path mpeg4 = TestClips.ffmpeg(dir.resolve("mpeg4.mp4"), "-i", clip.toString(), "-an", "-c:v", "mpeg4", "-q:v", "4");
        assertDecodes(mpeg4, "mpeg4");
        assumeTrue(TestClips.hasEncoder("libx265"), "ffmpeg here has no libx265 encoder: HEVC case skipped");
        Path hevc = TestClips.ffmpeg(dir.resolve("hevc.mp4"), "-i", clip.toString(), "-an", "-c:v", "libx265",
                "-preset", "ultrafast", "-x265-params", "log-level=error", "-tag:v", "hvc1");
        assertDecodes(hevc, "hevc");
    }

    @Test
    void reachesAFaceThatAppearsOnlyAfterTheFirstSecond() throws Exception {
        Path clip = TestClips.courseClip("test_0.mp4");
        Path late = TestClips.ffmpeg(dir.resolve("late.mp4"), "-f", "lavfi", "-i",
                "color=black:size=1280x720:rate=24:duration=1.5", "-i", clip.toString(), "-filter_complex",
                "[0:v]setsar=1[a];[1:v]fps=24,setsar=1[b];[a][b]concat=n=2:v=1:a=0", "-c:v", "libx264",
                "-preset", "ultrafast");
        List<Double> brightness = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        try (FrameSampler sampler = FrameSampler.open(late, SamplingOptions.defaults())) {
            for (Optional<SampledFrame> next = sampler.next(); next.isPresent(); next = sampler.next()) {
                try (SampledFrame frame = next.get()) {
                    brightness.add(mean(frame.image()).get(0));
                    times.add(frame.seconds());
                }
            }
        }
        assertThat(brightness.get(0)).isLessThan(5);
        assertThat(times.get(times.size() - 1)).isGreaterThanOrEqualTo(3.0);
        for (int i = 0; i < times.size(); i++) {
            if (times.get(i) > 1.6) {
                assertThat(brightness.get(i)).as("frame at %s s", times.get(i)).isGreaterThan(30);
            }
        }
    }

    @Test
    void readsFromAStream() throws Exception {
        Path clip = TestClips.courseClip("test_4.mp4");
        int frames = 0;
        try (InputStream stream = Files.newInputStream(clip);
             FrameSampler sampler = FrameSampler.open(stream, "test_4.mp4", SamplingOptions.defaults())) {
            for (Optional<SampledFrame> next = sampler.next(); next.isPresent(); next = sampler.next()) {
                next.get().close();
                frames++;
            }
            assertThat(sampler.info().width()).isEqualTo(854);
        }
        assertThat(frames).isGreaterThanOrEqualTo(4);
    }

    @Test
    void readsFromAUrl() throws Exception {
        Path clip = TestClips.courseClip("test_2.mp4");
        try (FrameSampler sampler = FrameSampler.open(clip.toUri(), SamplingOptions.defaults())) {
            assertThat(sampler.next()).isPresent().get().satisfies(frame -> {
                assertThat(frame.width()).isEqualTo(1280);
                frame.close();
            });
        }
        assertThatThrownBy(() -> FrameSampler.open(dir.resolve("nowhere.mp4").toUri(), SamplingOptions.defaults()))
                .isInstanceOf(InvalidVideoException.class).hasMessageStartingWith("not a video FFmpeg can read");
    }

    @Test
    void refusesAnEmptyFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        assertThatThrownBy(() -> FrameSampler.open(empty, SamplingOptions.defaults()))
                .isInstanceOf(InvalidVideoException.class).hasMessageContaining("empty");
    }

    @Test
    void refusesATextFileNamedLikeAVideo() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "these are my lecture notes, not a video\n".repeat(50));
        assertThatThrownBy(() -> FrameSampler.open(text, SamplingOptions.defaults()))
                .isInstanceOf(InvalidVideoException.class).hasMessageStartingWith("not a video");
    }

    @Test
    void refusesATruncatedCopy() throws Exception {
        byte[] bytes = Files.readAllBytes(TestClips.courseClip("test_0.mp4"));
        Path truncated = Files.write(dir.resolve("truncated.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> FrameSampler.open(truncated, SamplingOptions.defaults()))
                .isInstanceOf(InvalidVideoException.class).hasMessageContaining("truncated");
        Path headOnly = Files.write(dir.resolve("head.mp4"), Arrays.copyOf(bytes, 2000));
        assertThatThrownBy(() -> FrameSampler.open(headOnly, SamplingOptions.defaults()))
                .isInstanceOf(InvalidVideoException.class);
    }

    @Test
    void refusesAFileWithSoundOnly() throws Exception {
        Path audio = TestClips.ffmpeg(dir.resolve("audio.mp4"), "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
                "-c:a", "aac");
        assertThatThrownBy(() -> FrameSampler.open(audio, SamplingOptions.defaults()))
                .isInstanceOf(InvalidVideoException.class).hasMessageContaining("no video stream");
    }

    @Test
    void refusesAMissingFile() {
        assertThatThrownBy(() -> FrameSampler.open(dir.resolve("nowhere.mp4"), SamplingOptions.defaults()))
                .isInstanceOf(InvalidVideoException.class).hasMessageContaining("no such file");
    }

    private static void assertDecodes(Path clip, String codec) throws Exception {
        try (FrameSampler sampler = FrameSampler.open(clip, SamplingOptions.defaults())) {
            assertThat(sampler.info().codec()).isEqualTo(codec);
            int frames = 0;
            for (Optional<SampledFrame> next = sampler.next(); next.isPresent(); next = sampler.next()) {
                try (SampledFrame frame = next.get()) {
                    assertThat(mean(frame.image()).get(0)).isGreaterThan(10);
                    frames++;
                }
            }
            assertThat(frames).isGreaterThanOrEqualTo(2);
        }
    }

    private static SampledFrame firstFrame(Path clip) throws Exception {
        try (FrameSampler sampler = FrameSampler.open(clip, SamplingOptions.defaults())) {
            return sampler.next().orElseThrow();
        }
    }

    private static double meanDifference(Mat a, Mat b) {
        try (Mat difference = new Mat()) {
            absdiff(a, b, difference);
            return mean(difference).get(0);
        }
    }
}
