package org.classroom.function.runtime;

import java.time.Duration;
import java.util.Map;
import org.classroom.face.video.VideoLimits;

/**
 * The function's own knobs, from environment variables so that the same code runs on AWS and locally.
 * The names of buckets, queues and the table come from {@link org.classroom.common.config.ConfigLoader}.
 *
 * @param galleryMaxAge  how long a warm container trusts its copy of the gallery ({@code CLASSROOM_GALLERY_REFRESH_SECONDS})
 * @param retryAttempts  attempts per AWS call before the message is reported failed ({@code CLASSROOM_RETRY_ATTEMPTS})
 * @param retryDelay     first backoff delay, doubled each retry up to 8 times it ({@code CLASSROOM_RETRY_DELAY_MS})
 * @param threads        messages handled at once within one invocation ({@code CLASSROOM_FUNCTION_THREADS})
 * @param timeReserve    no new message is started when less time than this remains ({@code CLASSROOM_TIME_RESERVE_SECONDS})
 * @param claimLease     how long a claim on a video protects it from other invocations without being renewed (its
 *                       holder renews it three times per lease while it works); older, its holder is taken for dead
 *                       ({@code CLASSROOM_CLAIM_LEASE_SECONDS}; shorter than the relay's 30-s lease on a message, so
 *                       that a message a dead invocation held finds the claim stale when it comes back)
 * @param maxVideoBytes  uploads larger than this end as {@code invalid-video} without being read
 *                       ({@code CLASSROOM_MAX_VIDEO_BYTES}; the default takes a 90-minute 1080p lecture)
 * @param maxFramePixels videos with larger frames end as {@code invalid-video} before a frame is decoded
 *                       ({@code CLASSROOM_MAX_FRAME_PIXELS}; the default, 4K UHD, takes any lecture camera's)
 * @param videoDeadline  a video still being worked on after this long ends as {@code invalid-video}, cleanly rather
 *                       than at the function's timeout ({@code CLASSROOM_VIDEO_DEADLINE_SECONDS}; keep it well under
 *                       the timeout; the default takes a 90-minute 1080p lecture)
 * @param fanOut         when a long recording is split across invocations ({@link FanOutSettings})
 */
public record FunctionSettings(Duration galleryMaxAge, int retryAttempts, Duration retryDelay, int threads,
                               Duration timeReserve, Duration claimLease, long maxVideoBytes, long maxFramePixels,
                               Duration videoDeadline, FanOutSettings fanOut) {

    /** 4 GiB: a 90-minute 1080p recording at 5 Mbit/s is about 3.4 GB. */
    public static final long DEFAULT_MAX_VIDEO_BYTES = 4L << 30;

    public FunctionSettings {
        if (retryAttempts < 1) {
            throw new IllegalArgumentException("CLASSROOM_RETRY_ATTEMPTS must be at least 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("CLASSROOM_FUNCTION_THREADS must be at least 1");
        }
        new VideoLimits(maxFramePixels, videoDeadline);  // refuses limits no video could meet, at start
    }

    public static final Duration DEFAULT_CLAIM_LEASE = Duration.ofSeconds(20);

    public static FunctionSettings defaults() {
        return new FunctionSettings(Duration.ofSeconds(60), 3, Duration.ofMillis(200), 1, Duration.ofSeconds(20),
                DEFAULT_CLAIM_LEASE, DEFAULT_MAX_VIDEO_BYTES, VideoLimits.DEFAULT_MAX_FRAME_PIXELS,
                VideoLimits.DEFAULT_DEADLINE, FanOutSettings.defaults());
    }

    public static FunctionSettings fromEnvironment(Map<String, String> environment) {
        FunctionSettings defaults = defaults();
        return new FunctionSettings(
                Duration.ofSeconds(number(environment, "CLASSROOM_GALLERY_REFRESH_SECONDS", defaults.galleryMaxAge.toSeconds())),
                (int) number(environment, "CLASSROOM_RETRY_ATTEMPTS", defaults.retryAttempts),
                Duration.ofMillis(number(environment, "CLASSROOM_RETRY_DELAY_MS", defaults.retryDelay.toMillis())),
                (int) number(environment, "CLASSROOM_FUNCTION_THREADS", defaults.threads),
                Duration.ofSeconds(number(environment, "CLASSROOM_TIME_RESERVE_SECONDS", defaults.timeReserve.toSeconds())),
                Duration.ofSeconds(number(environment, "CLASSROOM_CLAIM_LEASE_SECONDS", defaults.claimLease.toSeconds())),
                number(environment, "CLASSROOM_MAX_VIDEO_BYTES", defaults.maxVideoBytes),
                number(environment, VideoLimits.MAX_FRAME_PIXELS_SETTING, defaults.maxFramePixels),
                Duration.ofSeconds(number(environment, VideoLimits.DEADLINE_SETTING, defaults.videoDeadline.toSeconds())),
                FanOutSettings.fromEnvironment(environment, FunctionSettings::number));
    }

    public FunctionSettings withGalleryMaxAge(Duration maxAge) {
        return new FunctionSettings(maxAge, retryAttempts, retryDelay, threads, timeReserve, claimLease, maxVideoBytes,
                maxFramePixels, videoDeadline, fanOut);
    }

    public FunctionSettings withRetries(int attempts, Duration delay) {
        return new FunctionSettings(galleryMaxAge, attempts, delay, threads, timeReserve, claimLease, maxVideoBytes,
                maxFramePixels, videoDeadline, fanOut);
    }

    public FunctionSettings withThreads(int count) {
        return new FunctionSettings(galleryMaxAge, retryAttempts, retryDelay, count, timeReserve, claimLease, maxVideoBytes,
                maxFramePixels, videoDeadline, fanOut);
    }

    public FunctionSettings withClaimLease(Duration lease) {
        return new FunctionSettings(galleryMaxAge, retryAttempts, retryDelay, threads, timeReserve, lease, maxVideoBytes,
                maxFramePixels, videoDeadline, fanOut);
    }

    public FunctionSettings withMaxVideoBytes(long bytes) {
        return new FunctionSettings(galleryMaxAge, retryAttempts, retryDelay, threads, timeReserve, claimLease, bytes,
                maxFramePixels, videoDeadline, fanOut);
    }

    public FunctionSettings withVideoLimits(long framePixels, Duration deadline) {
        return new FunctionSettings(galleryMaxAge, retryAttempts, retryDelay, threads, timeReserve, claimLease,
                maxVideoBytes, framePixels, deadline, fanOut);
    }

    public FunctionSettings withFanOut(FanOutSettings settings) {
        return new FunctionSettings(galleryMaxAge, retryAttempts, retryDelay, threads, timeReserve, claimLease,
                maxVideoBytes, maxFramePixels, videoDeadline, settings);
    }

    /** The limits the engine holds each video to. */
    public VideoLimits videoLimits() {
        return new VideoLimits(maxFramePixels, videoDeadline);
    }

    private static long number(Map<String, String> environment, String variable, long fallback) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a whole number of at least 0, not '" + value + "'");
        }
    }
}
