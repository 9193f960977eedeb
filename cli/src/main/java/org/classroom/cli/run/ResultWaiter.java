package org.classroom.cli.run;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.classroom.common.events.ETags;
import org.classroom.common.model.VideoResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until every expected video has a result, or a deadline passes. Polls the source at a short
 * interval; a source that cannot be read is retried quietly until the deadline (one log line per
 * outage), since the relay may be restarting.
 */
public final class ResultWaiter {

    private static final Logger LOG = LoggerFactory.getLogger(ResultWaiter.class);

    private final ResultSource source;
    private final Duration interval;

    public ResultWaiter(ResultSource source, Duration interval) {
        this.source = source;
        this.interval = interval;
    }

    /**
     * @param expected video keys to wait for, each with the ETag of the upload whose result counts (an older
     *                 result for the same key, from an earlier upload, is not the one we wait for)
     * @param onResult hears of each result once, as it first appears
     * @return the results found, by video key (missing keys had none by the deadline)
     */
    public Map<String, VideoResult> await(Map<String, String> expected, Duration timeout, Consumer<VideoResult> onResult)
            throws InterruptedException {
        return await(expected, timeout, onResult, pending -> { });
    }

    /** As above; {@code onPoll} hears, after each poll, which videos are still without a result. */
    public Map<String, VideoResult> await(Map<String, String> expected, Duration timeout, Consumer<VideoResult> onResult,
                                          Consumer<Set<String>> onPoll) throws InterruptedException {
        Map<String, VideoResult> found = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(timeout);
        boolean failing = false;
        while (found.size() < expected.size() && Instant.now().isBefore(deadline)) {
            try {
                for (VideoResult result : source.current()) {
                    if (expected.containsKey(result.video()) && !found.containsKey(result.video())
                            && sameUpload(expected.get(result.video()), result.etag())) {
                        found.put(result.video(), result);
                        onResult.accept(result);
                    }
                }
                if (failing) {
                    LOG.info("{} answers again", source.describe());
                    failing = false;
                }
            } catch (IOException e) {
                if (!failing) {
                    LOG.warn("cannot read results from {}: {}; retrying until the deadline", source.describe(), e.getMessage());
                    failing = true;
                }
            }
            if (found.size() < expected.size()) {
                Set<String> pending = new LinkedHashSet<>(expected.keySet());
                pending.removeAll(found.keySet());
                onPoll.accept(pending);
                Thread.sleep(interval.toMillis());
            }
        }
        return found;
    }

    /** S3 quotes ETags in responses and not in event notifications. A result without one cannot be told apart. */
    static boolean sameUpload(String uploadedEtag, String resultEtag) {
        if (uploadedEtag == null || resultEtag == null) {
            return true;
        }
        return Objects.equals(ETags.normalise(uploadedEtag), ETags.normalise(resultEtag));
    }
}
