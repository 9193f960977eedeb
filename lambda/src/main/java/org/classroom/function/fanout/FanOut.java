package org.classroom.function.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.classroom.face.RecognisedVideo;
import org.classroom.face.SamplingProgress;
import org.classroom.face.segment.PartialResult;
import org.classroom.face.segment.Segment;
import org.classroom.face.segment.SegmentMerge;
import org.classroom.face.segment.SegmentPlan;
import org.classroom.function.event.ObjectRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator of a long recording: splits it ({@link SegmentPlan}), has its segments done at once — the
 * first here, each other one by another invocation of this function, every one reading only its own part of the
 * upload where it lies in S3 (by ranged GETs of the claimed version) — and
 * merges their partial results into the video's one result ({@link SegmentMerge}). Its caller holds the
 * video's claim (renewed while this waits) and publishes; segments publish nothing.
 *
 * <p>A segment whose invocation is throttled is done here instead, one at a time, so a concurrency limit
 * (even of one) slows the video down but never deadlocks it. A segment that fails is tried again alone, up to
 * {@code attempts} times in all; past that the whole video fails and its message is retried later.
 */
public final class FanOut implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);
    /**
     * 100 kbit/s, below any lecture camera's bitrate: a file smaller than the segment length at this rate cannot
     * be long enough to split, so its length is not even read (that costs a few milliseconds per course clip).
     */
    static final long LEAST_BYTES_PER_SECOND = 12_500;

    private final SegmentPlan plan;
    private final Remote remote;
    private final Local local;
    private final SegmentMerge merge;
    private final int attempts;
    private final AtomicInteger threadNumber = new AtomicInteger();
    /** Waits on segment invocations; they cost no CPU here, so one thread per segment. */
    private final ExecutorService waiting = Executors.newCachedThreadPool(runnable -> daemon(runnable, "segment-wait-"));
    /** This container's own share: one segment at a time, as one invocation's CPU allows. */
    private final ExecutorService here = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "segment-here-"));

    /** Another invocation does a segment ({@link SegmentInvoker#invoke}); throws {@link SegmentInvoker.Throttled} when none can start. */
    @FunctionalInterface
    public interface Remote {
        PartialResult invoke(SegmentRequest request);
    }

    /** This container does a segment ({@link SegmentWorker#run(SegmentRequest, SamplingProgress)}), saying how far it is. */
    @FunctionalInterface
    public interface Local {
        PartialResult run(SegmentRequest request, SamplingProgress progress);
    }

    public FanOut(SegmentPlan plan, Remote remote, Local local, SegmentMerge merge, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("a segment is tried at least once, not " + attempts);
        }
        this.plan = plan;
        this.remote = remote;
        this.local = local;
        this.merge = merge;
        this.attempts = attempts;
    }

    /** Whether a recording this long is split. */
    public boolean applies(double durationSeconds) {
        return plan.splits(durationSeconds);
    }

    /** Whether a file this large could be long enough to split, so that its length is worth reading. */
    public boolean mightApply(long fileBytes) {
        return fileBytes > plan.segmentSeconds() * LEAST_BYTES_PER_SECOND;
    }

    /**
     * The merged result of all segments, named after the key, without student records (as the engine's).
     *
     * @param object the upload
     * @param etag   the version claimed, which every segment reads
     * @param size   that version's size in bytes
     * @throws SegmentsFailed when a segment failed on every attempt
     */
    public RecognisedVideo recognise(ObjectRef object, String etag, long size, double durationSeconds) {
        return recognise(object, etag, size, durationSeconds, SegmentProgress.NONE);
    }

    /** As {@link #recognise(ObjectRef, String, long, double)}, saying how many segments there are and each one done. */
    public RecognisedVideo recognise(ObjectRef object, String etag, long size, double durationSeconds,
                                     SegmentProgress progress) {
        List<Segment> segments = plan.split(durationSeconds);
        progress.split(segments.size());
        LOG.info("{}: {} s in {} segments of up to {} s, done at once", object.key(), durationSeconds, segments.size(),
                segments.stream().mapToDouble(Segment::seconds).max().orElse(0));
        List<CompletableFuture<PartialResult>> partials = new ArrayList<>();
        // Each segment's share of the one filmstrip: the merge thins what rounding up adds.
        int share = (int) Math.ceil((double) merge.filmstripMax() / segments.size());
        for (Segment segment : segments) {
            SegmentRequest request = new SegmentRequest(object.bucket(), object.key(), etag, size, segment, share);
            CompletableFuture<PartialResult> partial = segment.index() == 0
                    ? CompletableFuture.supplyAsync(() -> attempt(request, true, progress), here)
                    : CompletableFuture.supplyAsync(() -> attempt(request, false, progress), waiting);
            partials.add(partial);
        }
        List<PartialResult> done = new ArrayList<>();
        try {
            for (CompletableFuture<PartialResult> partial : partials) {
                done.add(partial.join());
            }
        } catch (CompletionException e) {
            partials.forEach(partial -> partial.cancel(true));
            throw e.getCause() instanceof SegmentsFailed failed ? failed : new SegmentsFailed(object.key(), e.getCause());
        }
        return merge.mergeWithCrops(object.key(), done);
    }

    /** One segment, tried again alone when it fails; done here when no invocation can be had. */
    private PartialResult attempt(SegmentRequest request, boolean ownShare, SegmentProgress progress) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                if (ownShare) {
                    return doneHere(request, progress);
                }
                PartialResult partial;
                progress.startedElsewhere();
                try {
                    partial = remote.invoke(request);
                } catch (SegmentInvoker.Throttled e) {
                    progress.endedElsewhere();
                    LOG.info("{}: {} throttled, done in this invocation instead", request.key(), request.segment());
                    return CompletableFuture.supplyAsync(() -> doneHere(request, progress), here).join();
                } catch (RuntimeException e) {
                    progress.endedElsewhere();
                    throw e;
                }
                progress.endedElsewhere();
                progress.segmentDone(false);
                return partial;
            } catch (CompletionException e) {
                last = e.getCause() instanceof RuntimeException cause ? cause : e;
            } catch (RuntimeException e) {
                last = e;
            }
            LOG.warn("{}: {} failed (attempt {} of {}): {}", request.key(), request.segment(), attempt, attempts,
                    last.getMessage());
        }
        throw new SegmentsFailed(request.key(), last);
    }

    private PartialResult doneHere(SegmentRequest request, SegmentProgress progress) {
        PartialResult partial = local.run(request, progress::ownSegment);
        progress.segmentDone(true);
        return partial;
    }

    @Override
    public void close() {
        waiting.shutdownNow();
        here.shutdownNow();
    }

    private Thread daemon(Runnable runnable, String prefix) {
        Thread thread = new Thread(runnable, prefix + threadNumber.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }

    /** A segment failed on every attempt: the video has no result this time, and its message is retried. */
    public static final class SegmentsFailed extends RuntimeException {
        SegmentsFailed(String key, Throwable cause) {
            super(key + ": a segment failed on every attempt: " + cause.getMessage(), cause);
        }
    }
}
