package org.classroom.function.fanout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.classroom.common.format.Json;
import org.classroom.face.evidence.Filmstrip;
import org.classroom.face.segment.PartialResult;
import org.classroom.face.segment.SegmentFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a segment's answer within what Lambda returns from a synchronous invocation (6 MB). The pictures travel
 * in the answer, base64 in its JSON, rather than each segment storing them: an ordinary lecture's are far below the
 * limit (a few best-view frames of some tens of KB, a share of about 60 thumbnails of a few KB each), while stored
 * ones would cost a PUT for every person's frame in every segment, most never named best, left behind in the
 * evidence bucket. Only a crowd could exceed it: then the frames last in the list are left out (those people get
 * no frame, as when the engine kept none), and then every other thumbnail, until it fits. Crops and descriptors,
 * which the merge and the result need, are never dropped.
 */
final class AnswerSize {

    /** Lambda's 6 MB (6,291,456 bytes) less room for anything the runtime adds. */
    static final int MAX_BYTES = 5_500_000;

    private static final Logger LOG = LoggerFactory.getLogger(AnswerSize.class);

    private AnswerSize() {
    }

    /** The partial result as it is, or without the frames and thumbnails its answer has no room for. */
    static PartialResult fit(PartialResult partial, int maxBytes) {
        long size = bytes(partial);
        if (size <= maxBytes) {
            return partial;
        }
        List<SegmentFrame> frames = new ArrayList<>(partial.frames());
        List<Filmstrip.Thumbnail> thumbnails = new ArrayList<>(partial.thumbnails());
        // A picture leaving takes at least its base64 with it, so the size estimated here is never below the real one.
        while (size > maxBytes && !frames.isEmpty()) {
            size -= base64(frames.remove(frames.size() - 1).jpeg());
        }
        while (size > maxBytes && !thumbnails.isEmpty()) {
            List<Filmstrip.Thumbnail> every = new ArrayList<>();
            for (int i = 0; i < thumbnails.size(); i++) {
                if (i % 2 == 0) {
                    every.add(thumbnails.get(i));
                } else {
                    size -= base64(thumbnails.get(i).jpeg());
                }
            }
            if (every.size() == thumbnails.size()) {
                every.clear();   // one thumbnail left and still too large
                size -= base64(thumbnails.get(0).jpeg());
            }
            thumbnails = every;
        }
        LOG.warn("{}: its answer would be {} bytes: {} of {} frame(s) and {} of {} thumbnail(s) kept", partial.segment(),
                bytes(partial), frames.size(), partial.frames().size(), thumbnails.size(), partial.thumbnails().size());
        return partial.withEvidence(frames, thumbnails);
    }

    static long bytes(PartialResult partial) {
        return Json.write(partial).getBytes(StandardCharsets.UTF_8).length;
    }

    private static long base64(byte[] bytes) {
        return 4L * ((bytes.length + 2) / 3);
    }
}
