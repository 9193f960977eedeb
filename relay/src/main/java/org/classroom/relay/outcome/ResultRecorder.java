package org.classroom.relay.outcome;

import java.io.IOException;
import java.util.function.Consumer;
import org.classroom.common.model.VideoResult;
import org.classroom.relay.metrics.RelayMetrics;
import org.classroom.relay.store.ResultStore;
import org.classroom.relay.store.StoredResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a result (file + log) and announces it to live subscribers when it is news. */
public final class ResultRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(ResultRecorder.class);

    private final ResultStore store;
    private final RelayMetrics metrics;
    private final Consumer<StoredResult> announce;

    public ResultRecorder(ResultStore store, RelayMetrics metrics, Consumer<StoredResult> announce) {
        this.store = store;
        this.metrics = metrics;
        this.announce = announce;
    }

    /**
     * True when the upload (video and ETag) already has a result other than {@code error}: a copy of
     * its message that reached the dead-letter queue afterwards is stale.
     */
    public boolean hasResult(String video, String etag) {
        return store.latestFor(video)
                .map(StoredResult::result)
                .filter(result -> result.status() != org.classroom.common.model.ResultStatus.ERROR)
                .filter(result -> etag == null || result.etag() == null || etag.equals(result.etag()))
                .isPresent();
    }

    /**
     * Saves the result; throws when the results folder cannot be written, so the message stays.
     * Synchronized so that entries are announced in their sequence order, whichever loop records them:
     * a subscriber resumes after the last id it saw and must not have skipped a lower one.
     */
    public synchronized void record(VideoResult result) throws IOException {
        ResultStore.Saved saved = store.save(result);
        switch (saved.kind()) {
            case ADDED -> {
                metrics.resultSaved();
                LOG.info("{}: {} ({} recognised) -> {}", result.video(), result.status().wireName(),
                        result.people().size(), store.fileOf(result.video()).getFileName());
                announce.accept(saved.entry());
            }
            case DUPLICATE -> LOG.info("{}: duplicate result, same outcome kept", result.video());
            case SUPERSEDED -> LOG.info("{}: {} result of an older upload, the newer upload's result kept",
                    result.video(), result.status().wireName());
        }
    }
}
