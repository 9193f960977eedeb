package org.classroom.function.process;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.classroom.common.format.VideoKeys;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.function.event.ObjectRef;

/**
 * Handles one input object, exactly once in effect: checks the ledger for this object version, reads
 * the object to a temporary file, recognises (or enrols) it, and publishes the result. Bad input ends
 * as a final result; AWS faults that retries did not cure are thrown, so the message is retried later.
 */
public final class ObjectProcessor {

    private final ResultLedger ledger;
    private final ObjectDownloader downloader;
    private final Recognition recognition;
    private final Enrolment enrolment;
    private final ResultPublisher publisher;

    private final String outputBucket;

    public ObjectProcessor(String outputBucket, ResultLedger ledger, ObjectDownloader downloader, Recognition recognition,
                           Enrolment enrolment, ResultPublisher publisher) {
        this.outputBucket = outputBucket;
        this.ledger = ledger;
        this.downloader = downloader;
        this.recognition = recognition;
        this.enrolment = enrolment;
        this.publisher = publisher;
    }

    public ObjectOutcome process(ObjectRef object) {
        Stopwatch clock = new Stopwatch();
        if (object.bucket().equals(outputBucket)) {
            // Results written to a bucket that also notifies the function would trigger it without end.
            return new ObjectOutcome(object, ObjectOutcome.Kind.IGNORED, null, clock.total());
        }
        String key = object.key();
        String jsonKey = VideoKeys.jsonKey(key);
        String etag = object.etag() != null ? object.etag() : downloader.currentEtag(object).orElse(null);

        LedgerEntry.Decision decision = ledger.decide(jsonKey, etag);
        clock.lap("ledger");
        if (decision != LedgerEntry.Decision.PROCESS) {
            return skip(object, decision, jsonKey, clock);
        }

        VideoResult result;
        Optional<DownloadedObject> download = downloader.download(object);
        clock.lap("download");
        if (download.isEmpty()) {
            result = VideoResult.failure(key, ResultStatus.INVALID_VIDEO,
                    "the object no longer exists in " + object.bucket() + "; it was deleted before it could be read", etag);
        } else {
            try (DownloadedObject file = download.get()) {
                if (file.etag() != null && !file.etag().equals(etag)) {
                    // The object was replaced since the event: the version read is the one that counts.
                    etag = file.etag();
                    LedgerEntry.Decision current = ledger.decide(jsonKey, etag);
                    if (current != LedgerEntry.Decision.PROCESS) {
                        return skip(object, current, jsonKey, clock);
                    }
                }
                result = EnrolmentKey.isEnrolment(key)
                        ? enrolment.enrol(file.file(), key, etag, file.metadata())
                        : recognition.recognise(file.file(), key, etag);
            }
            clock.lap(EnrolmentKey.isEnrolment(key) ? "enrol" : "engine");
        }
        result = withTimings(result, clock.laps());
        publisher.publish(result);
        clock.lap("publish");
        return new ObjectOutcome(object, ObjectOutcome.Kind.PROCESSED, result, clock.total());
    }

    private ObjectOutcome skip(ObjectRef object, LedgerEntry.Decision decision, String jsonKey, Stopwatch clock) {
        if (decision == LedgerEntry.Decision.RESEND) {
            VideoResult sent = publisher.resend(jsonKey);
            clock.lap("publish");
            return new ObjectOutcome(object, ObjectOutcome.Kind.RESENT, sent, clock.total());
        }
        return new ObjectOutcome(object, ObjectOutcome.Kind.DUPLICATE, null, clock.total());
    }

    /** The engine's own stage timings plus this function's steps so far. */
    private static VideoResult withTimings(VideoResult result, Map<String, Double> steps) {
        Map<String, Double> timings = new LinkedHashMap<>(result.timingsMs());
        steps.forEach(timings::putIfAbsent);
        return new VideoResult(result.video(), result.status(), result.people(), result.facesFound(),
                result.unknownFaces(), result.reason(), result.etag(), timings,
                result.finishedAt() == null ? Instant.now() : result.finishedAt());
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
