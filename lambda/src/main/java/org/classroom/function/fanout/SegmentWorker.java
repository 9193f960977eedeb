package org.classroom.function.fanout;

import org.classroom.face.SamplingProgress;
import org.classroom.face.VideoRecogniser;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.segment.PartialResult;
import org.classroom.face.segment.SegmentRecogniser;
import org.classroom.face.video.RandomAccessInput;
import org.classroom.function.runtime.EnginePool;
import org.classroom.function.runtime.GalleryCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does one segment in this container: the engine on that part of the upload, read where it lies by ranges
 * (the index, then the segment's own bytes), with the gallery of the moment. It publishes nothing and claims
 * nothing: the coordinator holds the video's claim and publishes the merged result. A fault, a failed read
 * among them, is thrown, for the coordinator to try the segment again.
 */
public final class SegmentWorker {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentWorker.class);

    /** Opens the version of the upload a request names, to be read by ranges (each read of that version only). */
    @FunctionalInterface
    public interface Uploads {
        RandomAccessInput open(SegmentRequest request);
    }

    private final Uploads uploads;
    private final EnginePool engines;
    private final GalleryCache gallery;

    public SegmentWorker(Uploads uploads, EnginePool engines, GalleryCache gallery) {
        this.uploads = uploads;
        this.engines = engines;
        this.gallery = gallery;
    }

    private static SegmentRecogniser segments(VideoRecogniser engine) {
        if (engine instanceof SegmentRecogniser segments) {
            return segments;
        }
        throw new IllegalStateException(engine.getClass().getSimpleName() + " works on whole videos only");
    }

    public PartialResult run(SegmentRequest request) {
        return run(request, SamplingProgress.NONE);
    }

    /** As {@link #run(SegmentRequest)}, saying how far into the segment it has looked as it goes. */
    public PartialResult run(SegmentRequest request, SamplingProgress progress) {
        Gallery known = gallery.get();
        RandomAccessInput video = uploads.open(request);
        PartialResult partial = engines.with(engine -> segments(engine).recogniseSegment(video, request.key(), known,
                request.segment(), request.filmstripShare(), progress));
        LOG.info("{}: {}: read {} of {} bytes", request.key(), request.segment(), video.bytesFetched(), video.size());
        // FFmpeg ends a range at a read that failed: a partial result of part of the segment is not its result.
        video.failure().ifPresent(fault -> {
            throw fault;
        });
        // Bounded here, whether the answer goes on the wire or the coordinator did the segment itself: the result
        // is then the same however the segments were shared out.
        return AnswerSize.fit(partial, AnswerSize.MAX_BYTES);
    }
}
