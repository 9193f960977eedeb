package org.classroom.face.video;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes frames from a clip with FFmpeg, each turned upright and as an 8-bit BGR image: for a short clip
 * the first frame, then one every so often; for a long one its key frames and frames added between key
 * frames that are far apart (see {@link SamplingOptions}, {@link KeyframeSchedule}). Frames are pulled
 * one at a time so that the caller can stop as soon as it has seen enough. The decoder reads forward
 * and only converts the frames it hands out; long gaps are crossed by seeking, which lands on a key
 * frame without decoding the frames in between. A clip over its {@link VideoLimits} (frame size, time) is
 * refused as invalid. A {@link TimeRange} limits the samples to part of the clip (one segment of a long
 * recording): sampling starts with a seek to its start and is planned as for a long clip over that part alone.
 * Not thread-safe.
 */
public final class FrameSampler implements AutoCloseable {

    /** Timestamps are rounded to the container's time base: a frame this little before its target is the target. */
    private static final double EARLY_TOLERANCE_SECONDS = 0.002;

    private static final Logger LOG = LoggerFactory.getLogger(FrameSampler.class);
    private static final long NETWORK_TIMEOUT_SECONDS = 15;
    /** libavformat's flag on index entries that are key frames (not exported by the bindings). */
    private static final int AVINDEX_KEYFRAME = 0x0001;
    /** One thread that frees closed samplers' decoders, off their callers' way. */
    private static final Executor RELEASER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "frame-sampler-release");
        thread.setDaemon(true);
        return thread;
    });

    static {
        // JavaCV's own notices go to SLF4J, and FFmpeg's console chatter only when debugging.
        if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
            System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        }
        if (LOG.isDebugEnabled()) {
            FFmpegLogCallback.set();
        } else {
            avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        }
    }

    private final FFmpegFrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private final String source;
    private final SamplingOptions options;
    private final VideoInfo info;
    private final VideoLimits limits;
    private final VideoDeadline deadline;
    private final TimeRange range;
    private final double interval;
    private final double frameSeconds;
    /** The planned sample times of a long clip; null for a short clip (every {@code interval}). */
    private final List<Double> plan;

    private int taken;
    private int decoded;
    private double lastDecodedSeconds = Double.NEGATIVE_INFINITY;
    private boolean ended;

    private FrameSampler(FFmpegFrameGrabber grabber, String source, SamplingOptions options, VideoInfo info,
                         VideoLimits limits, VideoDeadline deadline, TimeRange range) {
        this.grabber = grabber;
        this.source = source;
        this.options = options;
        this.info = info;
        this.limits = limits;
        this.deadline = deadline;
        this.range = range;
        this.frameSeconds = info.frameRate() > 0 ? 1.0 / info.frameRate() : 0.04;
        if (!range.isWhole()) {
            this.interval = options.maxSpacingSeconds();
            this.plan = planWithin(range, keyframeTimes(grabber, frameSeconds), info.durationSeconds(), interval);
        } else if (options.isShort(info.durationSeconds())) {
            this.interval = options.intervalFor(info.durationSeconds());
            this.plan = null;
        } else {
            this.interval = options.maxSpacingSeconds();
            this.plan = info.durationSeconds() > 0
                    ? KeyframeSchedule.plan(keyframeTimes(grabber, frameSeconds), info.durationSeconds(), interval)
                    : null;
        }
    }

    /**
     * The samples of one part of a clip, planned as for a clip that starts at the part's start: the same
     * spacing, the part's key frames used where they fall.
     */
    private static List<Double> planWithin(TimeRange range, List<Double> keyframes, double duration, double spacing) {
        double end = duration > 0 ? Math.min(range.toSeconds(), duration) : range.toSeconds();
        if (!(end > range.fromSeconds()) || Double.isInfinite(end)) {
            return List.of();
        }
        double from = range.fromSeconds();
        List<Double> shifted = keyframes.stream().map(time -> time - from).toList();
        return KeyframeSchedule.plan(shifted, end - from, spacing).stream().map(time -> time + from).toList();
    }

    /**
     * Key frame times from the container's index (empty when it has none, e.g. a stream). The index gives
     * decoding times, which run ahead of display times by the codec's reorder delay (B-frames): uncorrected,
     * a key frame's time is the frame shown just before it — at a cut, the other scene.
     */
    private static List<Double> keyframeTimes(FFmpegFrameGrabber grabber, double frameSeconds) {
        AVFormatContext format = grabber.getFormatContext();
        AVStream stream = null;
        for (int i = 0; format != null && i < format.nb_streams() && stream == null; i++) {
            AVStream candidate = format.streams(i);
            if (candidate.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO
                    && (candidate.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) == 0) {
                stream = candidate;
            }
        }
        if (stream == null) {
            return List.of();
        }
        double timeBase = stream.time_base().den() > 0
                ? (double) stream.time_base().num() / stream.time_base().den() : 0;
        long start = stream.start_time() == avutil.AV_NOPTS_VALUE ? 0 : stream.start_time();
        int entries = avformat.avformat_index_get_entries_count(stream);
        double reorder = Math.max(0, stream.codecpar().video_delay()) * frameSeconds;
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < entries && timeBase > 0; i++) {
            AVIndexEntry entry = avformat.avformat_index_get_entry(stream, i);
            if (entry != null && (entry.flags() & AVINDEX_KEYFRAME) != 0) {
                times.add((entry.timestamp() - start) * timeBase + reorder);
            }
        }
        return times;
    }

    /** The most time between two samples of this clip. */
    public double spacingSeconds() {
        return interval;
    }

    /** Whether this clip is sampled the short way, where stopping early cannot hide anyone (see {@link SamplingOptions#isShort}). */
    public boolean isShortClip() {
        return range.isWhole() && options.isShort(info.durationSeconds());
    }

    /** Loads FFmpeg's native libraries now rather than on the first clip (the class's first use does it). */
    public static void loadLibraries() {
        try {
            FFmpegFrameGrabber.tryLoad();
        } catch (FrameGrabber.Exception e) {
            throw new IllegalStateException("FFmpeg's native libraries do not load: " + e.getMessage(), e);
        }
        LOG.debug("FFmpeg {} ready", avutil.av_version_info().getString());
    }

    /** Opens a clip on disk, without limits. */
    public static FrameSampler open(Path file, SamplingOptions options) throws InvalidVideoException {
        return open(file, options, VideoLimits.none());
    }

    /** Opens a clip on disk; its time starts now. */
    public static FrameSampler open(Path file, SamplingOptions options, VideoLimits limits)
            throws InvalidVideoException {
        return open(file, options, limits, TimeRange.whole());
    }

    /** Opens a clip on disk to sample part of it; its time starts now. */
    public static FrameSampler open(Path file, SamplingOptions options, VideoLimits limits, TimeRange range)
            throws InvalidVideoException {
        VideoDeadline deadline = new VideoDeadline(limits);
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidVideoException("no such file: " + file);
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw new InvalidVideoException("cannot read the file: " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new InvalidVideoException("the file is empty (0 bytes)");
        }
        return open(() -> new FFmpegFrameGrabber(file.toFile()), file.getFileName().toString(), size, options,
                limits, deadline, range);
    }

    /**
     * Opens a clip that is read where it lies, by position (e.g. an S3 object by ranges): FFmpeg reads only
     * the parts it needs and nothing is copied to disk. Its time starts now.
     */
    public static FrameSampler open(RandomAccessInput input, String name, SamplingOptions options, VideoLimits limits)
            throws InvalidVideoException {
        return open(input, name, options, limits, TimeRange.whole());
    }

    /**
     * Opens part of a clip read where it lies, by position: FFmpeg reads the index, then seeks to the part's
     * start, so only that part's bytes (and the index) are read. Its time starts now.
     */
    public static FrameSampler open(RandomAccessInput input, String name, SamplingOptions options, VideoLimits limits,
                                    TimeRange range) throws InvalidVideoException {
        VideoDeadline deadline = new VideoDeadline(limits);
        if (input.size() == 0) {
            throw new InvalidVideoException("the file is empty (0 bytes)");
        }
        // A new stream for each grabber: a failed quick open leaves its stream anywhere.
        return open(() -> new FFmpegFrameGrabber(new SeekableInputStream(input)), name, input.size(), options,
                limits, deadline, range);
    }

    private static FrameSampler open(Supplier<FFmpegFrameGrabber> grabbers, String name, long size,
                                     SamplingOptions options, VideoLimits limits, VideoDeadline deadline,
                                     TimeRange range) throws InvalidVideoException {
        // Most clips (MP4 with its index first) open fine without FFmpeg's stream probing, which decodes
        // frames ahead and costs several times the rest of the opening; the others are probed.
        FrameSampler quick = startQuickly(grabbers.get(), name, options, size, limits, deadline, range);
        if (quick != null) {
            return quick;
        }
        return start(grabbers.get(), name, options, size, limits, deadline, range);
    }

    /** Opens without probing the streams; null when that leaves the video's shape unknown. */
    private static FrameSampler startQuickly(FFmpegFrameGrabber grabber, String source, SamplingOptions options,
                                             long fileSize, VideoLimits limits, VideoDeadline deadline,
                                             TimeRange range) throws InvalidVideoException {
        configure(grabber, options);
        try {
            grabber.start(false);
            if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0
                    || grabber.getVideoCodecName() == null || grabber.getFrameRate() <= 0) {
                closeQuietly(grabber);
                return null;
            }
        } catch (FrameGrabber.Exception | RuntimeException e) {
            LOG.debug("{}: quick open failed, probing: {}", source, e.getMessage());
            closeQuietly(grabber);
            return null;
        }
        try {
            return describe(grabber, source, options, fileSize, limits, deadline, range);
        } catch (InvalidVideoException | RuntimeException e) {
            closeQuietly(grabber);
            throw e;
        }
    }

    /**
     * Opens a clip where FFmpeg can reach it: {@code file:}, {@code http(s):} (e.g. a presigned S3 URL, read
     * as it streams in). A stalled network read fails after {@code NETWORK_TIMEOUT_SECONDS}.
     */
    public static FrameSampler open(URI location, SamplingOptions options) throws InvalidVideoException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(location.toString());
        grabber.setOption("rw_timeout", String.valueOf(NETWORK_TIMEOUT_SECONDS * 1_000_000L));
        String path = location.getPath();
        String name = path == null || path.isEmpty() ? location.toString() : path.substring(path.lastIndexOf('/') + 1);
        return start(grabber, name, options, -1, VideoLimits.none(), new VideoDeadline(VideoLimits.none()),
                TimeRange.whole());
    }

    /**
     * Opens a clip from a stream; the stream is closed with the sampler. JavaCV keeps what it reads of a plain
     * stream in memory, to seek back in it: for a small clip only. A large one is read by position
     * ({@link #open(RandomAccessInput, String, SamplingOptions, VideoLimits)}).
     */
    public static FrameSampler open(InputStream stream, String name, SamplingOptions options)
            throws InvalidVideoException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(stream);
        grabber.setCloseInputStream(true);
        return start(grabber, name, options, -1, VideoLimits.none(), new VideoDeadline(VideoLimits.none()),
                TimeRange.whole());
    }

    private static void configure(FFmpegFrameGrabber grabber, SamplingOptions options) {
        // FFmpeg's own count (one more than the cores): the first frame of a 1080p clip comes out in 21-23 ms
        // instead of 27-31 with two threads, 720p about 1 ms sooner (measured alone on 2 cores).
        grabber.setVideoOption("threads", "0");
        if (options.skipNonReferenceFrames()) {
            grabber.setVideoOption("skip_frame", "noref");
        }
    }

    private static FrameSampler start(FFmpegFrameGrabber grabber, String source, SamplingOptions options,
                                      long fileSize, VideoLimits limits, VideoDeadline deadline, TimeRange range)
            throws InvalidVideoException {
        configure(grabber, options);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(grabber);
            throw new InvalidVideoException(fileSize == 0 ? "the file is empty"
                    : "not a video FFmpeg can read (" + FfmpegErrors.describe(e) + ")", e);
        }
        try {
            if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
                throw new InvalidVideoException("the file has no video stream");
            }
            return describe(grabber, source, options, fileSize, limits, deadline, range);
        } catch (InvalidVideoException | RuntimeException e) {
            closeQuietly(grabber);
            throw e;
        }
    }

    private static FrameSampler describe(FFmpegFrameGrabber grabber, String source, SamplingOptions options,
                                         long fileSize, VideoLimits limits, VideoDeadline deadline, TimeRange range)
            throws InvalidVideoException {
        // Before any frame is sampled: a frame's buffers grow with its pixels, several at a time.
        limits.checkFrame(grabber.getImageWidth(), grabber.getImageHeight());
        if (fileSize > 0) {
            checkComplete(grabber.getFormatContext(), fileSize);
        }
        checkNotAStillImage(grabber.getFormat());
        int turn = FrameRotation.clockwiseDegrees(grabber.getDisplayRotation(), grabber.getVideoMetadata("rotate"));
        boolean sideways = turn == 90 || turn == 270;
        int width = sideways ? grabber.getImageHeight() : grabber.getImageWidth();
        int height = sideways ? grabber.getImageWidth() : grabber.getImageHeight();
        VideoInfo info = new VideoInfo(grabber.getVideoCodecName(), width, height, grabber.getFrameRate(),
                durationSeconds(grabber), turn);
        LOG.debug("{}: {}", source, info);
        return new FrameSampler(grabber, source, options, info, limits, deadline, range);
    }

    /**
     * FFmpeg decodes a JPEG or PNG as a one-frame "video"; an upload that is a picture is not a clip, so it
     * is refused like any other file that is not a video (enrolment reads photos another way).
     */
    static void checkNotAStillImage(String demuxer) throws InvalidVideoException {
        if (demuxer != null && (demuxer.endsWith("_pipe") || demuxer.equals("image2"))) {
            throw new InvalidVideoException("the file is a still image (" + demuxer.replace("_pipe", "")
                    + "), not a video");
        }
    }

    /** The container's duration, else the longest stream's (unprobed files have only the latter). */
    private static double durationSeconds(FFmpegFrameGrabber grabber) {
        double seconds = grabber.getLengthInTime() / 1e6;
        AVFormatContext format = grabber.getFormatContext();
        if (seconds <= 0 && format != null) {
            for (int i = 0; i < format.nb_streams(); i++) {
                AVStream stream = format.streams(i);
                if (stream.duration() > 0 && stream.time_base().den() > 0) {
                    seconds = Math.max(seconds,
                            stream.duration() * (double) stream.time_base().num() / stream.time_base().den());
                }
            }
        }
        return Math.max(0, seconds);
    }

    /** A file cut short still has its index (moov first) but its samples point past the end. */
    private static void checkComplete(AVFormatContext format, long fileSize) throws InvalidVideoException {
        if (format == null) {
            return;
        }
        long needed = 0;
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream stream = format.streams(i);
            int entries = avformat.avformat_index_get_entries_count(stream);
            if (entries > 0) {
                AVIndexEntry last = avformat.avformat_index_get_entry(stream, entries - 1);
                if (last != null && last.pos() >= 0) {
                    needed = Math.max(needed, last.pos() + last.size());
                }
            }
        }
        if (needed > fileSize) {
            throw new InvalidVideoException("the file is truncated: it ends at " + fileSize
                    + " bytes but its index needs " + needed);
        }
    }

    public VideoInfo info() {
        return info;
    }

    /**
     * How far into the part being sampled a frame at this time lies, 0 to 1 (0 when the clip's length is unknown).
     */
    public double fractionReached(double seconds) {
        double end = info.durationSeconds() > 0 ? Math.min(range.toSeconds(), info.durationSeconds()) : range.toSeconds();
        double from = range.fromSeconds();
        if (!(end > from) || Double.isInfinite(end)) {
            return 0;
        }
        return Math.max(0, Math.min(1, (seconds - from) / (end - from)));
    }

    /** Frames decoded so far, handed out or not. */
    public int decodedFrames() {
        return decoded;
    }

    /**
     * The next sample, or empty when the clip or the frame budget is used up.
     *
     * @throws InvalidVideoException when not even the first frame decodes, or the clip is over its limits (its time
     *                               is up, or a frame larger than its header said)
     */
    public Optional<SampledFrame> next() throws InvalidVideoException {
        if (ended || (isShortClip() && taken >= options.maxFrames()) || (plan != null && taken >= plan.size())) {
            return Optional.empty();
        }
        double target = plan != null ? plan.get(taken) : taken * interval;
        if (taken > 0 && info.durationSeconds() > 0 && target >= info.durationSeconds()) {
            ended = true;
            return Optional.empty();
        }
        deadline.check();
        try {
            // A part of the clip starts with a seek too; a whole clip is read from its first frame.
            boolean seeks = taken > 0 || range.fromSeconds() > 0;
            if (seeks && target - lastDecodedSeconds > SamplingOptions.SEEK_THRESHOLD_SECONDS) {
                grabber.setTimestamp(Math.round(target * 1e6));
            }
            while (true) {
                boolean convert = (taken == 0 && range.isWhole()) || lastDecodedSeconds + 1.5 * frameSeconds >= target;
                Frame frame = grabber.grabFrame(false, true, convert, false, false);
                if (frame == null) {
                    ended = true;
                    // A part may lie past where the stream really ends; only a whole clip with no frame is unusable.
                    if (taken == 0 && range.isWhole()) {
                        throw new InvalidVideoException("no frame of the video could be decoded");
                    }
                    return Optional.empty();
                }
                if (frame.image == null) {
                    continue;
                }
                decoded++;
                // A clip that cannot seek decodes every frame between samples: its time is checked as it goes.
                deadline.check();
                // The header's size was checked on opening; a stream may still change size on the way.
                limits.checkFrame(frame.imageWidth, frame.imageHeight);
                double seconds = frame.timestamp / 1e6;
                lastDecodedSeconds = seconds;
                // Never a frame before the target: a seek onto a key frame can hand out the frame just before it,
                // which at a cut (black, then a face) is the other scene.
                if (!convert || seconds < target - EARLY_TOLERANCE_SECONDS) {
                    continue;
                }
                return Optional.of(new SampledFrame(upright(frame), seconds, taken++));
            }
        } catch (FrameGrabber.Exception e) {
            ended = true;
            if (taken == 0) {
                throw new InvalidVideoException("the video cannot be decoded (" + FfmpegErrors.describe(e) + ")", e);
            }
            LOG.debug("{}: decoding stopped after {} s: {}", source, lastDecodedSeconds, e.getMessage());
            return Optional.empty();
        }
    }

    private Mat upright(Frame frame) {
        Mat wrapped = converter.convert(frame);
        Mat turned = FrameRotation.turn(wrapped, info.clockwiseTurn());
        // The grabber reuses its buffer for the next frame, so the caller gets its own copy.
        return turned == wrapped ? wrapped.clone() : turned;
    }

    /**
     * Hands the decoder back in the background: freeing it (joining its threads, its buffers) takes 1.5-3 ms,
     * which the caller's result need not wait for. Nothing reads the clip any more by then.
     */
    @Override
    public void close() {
        RELEASER.execute(() -> {
            closeQuietly(grabber);
            converter.close();
        });
    }

    private static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (Exception e) {
            LOG.debug("closing the frame grabber failed", e);
        }
    }
}
