package org.classroom.function.process;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.classroom.common.events.Sequencers;
import org.classroom.common.format.EnrolmentKeys;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.function.event.ObjectRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one input object, exactly once in effect: checks the ledger for this object version, reads
 * the video by ranges where it lies (an enrolment photo to a temporary file), recognises (or enrols) it,
 * and publishes the result. Bad input ends
 * as a final result; AWS faults that retries did not cure are thrown, so the message is retried later.
 */
public final class ObjectProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectProcessor.class);

    private final ResultLedger ledger;
    private final ObjectDownloader downloader;
    private final Recognition recognition;
    private final Enrolment enrolment;
    private final ResultPublisher publisher;
    private final ClaimRenewal renewal;
    private final GalleryVersion gallery;

    private final String outputBucket;
    private final long maxVideoBytes;

    public ObjectProcessor(String outputBucket, long maxVideoBytes, ResultLedger ledger, ObjectDownloader downloader,
                           Recognition recognition, Enrolment enrolment, ResultPublisher publisher,
                           ClaimRenewal renewal, GalleryVersion gallery) {
        this.gallery = gallery;
        this.outputBucket = outputBucket;
        this.maxVideoBytes = maxVideoBytes;
        this.ledger = ledger;
        this.downloader = downloader;
        this.recognition = recognition;
        this.enrolment = enrolment;
        this.publisher = publisher;
        this.renewal = renewal;
    }

    public ObjectOutcome process(ObjectRef object) {
        Stopwatch clock = new Stopwatch();
        if (object.bucket().equals(outputBucket)) {
            // Results written to a bucket that also notifies the function would trigger it without end.
            return new ObjectOutcome(object, ObjectOutcome.Kind.IGNORED, null, clock.total());
        }
        String key = object.key();
        // The version now in the bucket, not the event's: a late event for an older upload then finds the
        // newer version already done instead of claiming the key back for its own.
        Optional<ObjectHead> head = downloader.current(object);
        String etag = head.map(ObjectHead::etag).orElse(object.etag());

        String sequencer = Sequencers.comparable(object.sequencer());
        // A video's result depends on the gallery; an enrolment's does not.
        ResultLedger.Claim claim = ledger.claim(key, etag, sequencer, EnrolmentKeys.isEnrolment(key) ? null : gallery);
        clock.lap("ledger");
        if (claim.decision() != ResultLedger.Decision.PROCESS) {
            return skip(object, claim, clock);
        }

        try (ClaimRenewal.Hold hold = renewal.hold(claim)) {
            Optional<String> refusal = head.flatMap(version -> refusal(key, version));
            if (refusal.isPresent()) {
                return publish(object, claim, VideoResult.failure(key, ResultStatus.INVALID_VIDEO, refusal.get(), etag), clock);
            }
            return processClaimed(object, claim, head, hold, clock);
        } catch (RuntimeException e) {
            // Let the retry in, whenever it comes; a crash instead waits for the claim to go stale.
            ledger.release(claim);
            throw e;
        }
    }

    private ObjectOutcome processClaimed(ObjectRef object, ResultLedger.Claim claim, Optional<ObjectHead> head,
                                         ClaimRenewal.Hold hold, Stopwatch clock) {
        if (EnrolmentKeys.isEnrolment(object.key())) {
            return enrolDownloaded(object, claim, hold, clock);
        }
        if (head.isEmpty()) {
            return publish(object, claim, deleted(object, claim.etag()), clock);
        }
        // The version claimed, read by ranges where it lies: a video of any size needs no room in /tmp.
        RangedObject video = downloader.reader(object, head.get());
        VideoResult result = withinMemory(() -> recognition.recognise(video, object, claim.etag(), hold.progress()),
                object.key(), claim.etag());
        LOG.info("{}: read {} of {} bytes in {} ranged GETs", object.key(), video.bytesFetched(), video.size(),
                video.requests());
        // FFmpeg ends a clip at a read that failed: a result of part of the video is not its result.
        video.failure().ifPresent(fault -> {
            throw fault;
        });
        clock.lap("engine");
        return publish(object, claim, result, clock);
    }

    /** An enrolment photo is small: it is downloaded whole, to a temporary file. */
    private ObjectOutcome enrolDownloaded(ObjectRef object, ResultLedger.Claim claimed, ClaimRenewal.Hold hold,
                                          Stopwatch clock) {
        String key = object.key();
        ResultLedger.Claim claim = claimed;
        String etag = claim.etag();
        VideoResult result;
        Optional<DownloadedObject> download = downloader.download(object);
        clock.lap("download");
        if (download.isEmpty()) {
            result = deleted(object, etag);
        } else {
            try (DownloadedObject file = download.get()) {
                if (file.etag() != null && !file.etag().equals(claim.etag())) {
                    // The object was replaced since the event: the version read is the one that counts.
                    etag = file.etag();
                    claim = ledger.claim(key, etag, Sequencers.comparable(object.sequencer()));
                    if (claim.decision() != ResultLedger.Decision.PROCESS) {
                        return skip(object, claim, clock);
                    }
                    hold.switchTo(claim);
                }
                String version = etag;
                result = withinMemory(() -> EnrolmentKeys.isFaceReference(key)
                        ? enrolment.enrolReferenced(file.file(), object.bucket(), key, version, file.metadata())
                        : enrolment.enrol(file.file(), key, version, file.metadata()), key, etag);
            }
            clock.lap("enrol");
        }
        return publish(object, claim, result, clock);
    }

    private static VideoResult deleted(ObjectRef object, String etag) {
        return VideoResult.failure(object.key(), ResultStatus.INVALID_VIDEO,
                "the object no longer exists in " + object.bucket() + "; it was deleted before it could be read", etag);
    }

    private static VideoResult withinMemory(Supplier<VideoResult> work, String key, String etag) {
        try {
            return work.get();
        } catch (OutOfMemoryError e) {
            // A hostile or huge clip: the same clip would run out again, so it is a final result,
            // and the other videos of the batch go on (the engine's buffers are freed with it).
            return VideoResult.failure(key, ResultStatus.INVALID_VIDEO, "the video needs more memory than the "
                    + "function has (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB heap): " + e.getMessage(), etag);
        }
    }

    private ObjectOutcome publish(ObjectRef object, ResultLedger.Claim claim, VideoResult found, Stopwatch clock) {
        // Marked with the event's upload, so the relay can order results: the version read may be newer than
        // the event's, never older, so a result is never placed later than it belongs.
        VideoResult result = withTimings(found, clock.laps()).withSequencer(object.sequencer());
        boolean published = publisher.publish(claim, result);
        clock.lap("publish");
        return new ObjectOutcome(object, published ? ObjectOutcome.Kind.PROCESSED : ObjectOutcome.Kind.DUPLICATE,
                published ? result : null, clock.total());
    }

    /** Why an upload is not even read: larger than the limit, or an enrolment photo larger than /tmp can hold. */
    private Optional<String> refusal(String key, ObjectHead head) {
        if (head.size() > maxVideoBytes) {
            return Optional.of("the upload is " + gigabytes(head.size()) + "; videos up to " + gigabytes(maxVideoBytes)
                    + " are read (setting CLASSROOM_MAX_VIDEO_BYTES)");
        }
        long space = EnrolmentKeys.isEnrolment(key) ? downloader.usableSpace() : Long.MAX_VALUE;
        if (head.size() > space) {
            return Optional.of("the upload is " + gigabytes(head.size()) + " and the function's temporary folder has "
                    + gigabytes(space) + " free");
        }
        return Optional.empty();
    }

    private static String gigabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    private ObjectOutcome skip(ObjectRef object, ResultLedger.Claim claim, Stopwatch clock) {
        switch (claim.decision()) {
            case RESEND -> {
                VideoResult sent;
                try {
                    sent = publisher.resend(claim);
                } catch (RuntimeException e) {
                    ledger.release(claim);
                    throw e;
                }
                clock.lap("publish");
                return new ObjectOutcome(object, ObjectOutcome.Kind.RESENT, sent, clock.total());
            }
            case BUSY -> throw new VersionInProgressException(object.key());
            default -> {
                return new ObjectOutcome(object, ObjectOutcome.Kind.DUPLICATE, null, clock.total());
            }
        }
    }

    /** The engine's own stage timings plus this function's steps so far. */
    private static VideoResult withTimings(VideoResult result, Map<String, Double> steps) {
        Map<String, Double> timings = new LinkedHashMap<>(result.timingsMs());
        steps.forEach(timings::putIfAbsent);
        return result.withTimings(timings);
    }

    /** Milliseconds per step, measured one after another. */
    static final class Stopwatch {
        private final long start = System.nanoTime();
        private long last = start;
        private final Map<String, Double> laps = new LinkedHashMap<>();

        void lap(String step) {
            long now = System.nanoTime();
            laps.merge(step, (now - last) / 1e6, Double::sum);
            last = now;
        }

        Map<String, Double> laps() {
            return new HashMap<>(laps);
        }

        Map<String, Double> total() {
            Map<String, Double> all = new LinkedHashMap<>(laps);
            all.put("total", (System.nanoTime() - start) / 1e6);
            return all;
        }
    }
}
