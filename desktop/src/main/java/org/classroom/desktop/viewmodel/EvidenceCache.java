package org.classroom.desktop.viewmodel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.classroom.desktop.logic.evidence.EvidenceReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Things read from the evidence bucket off the UI thread and kept by key, the least recently used going first.
 * What is not there (an older result, or expired) is kept as empty; a failed read is not kept, since the next
 * look may succeed.
 *
 * @param <T> what a key's bytes become (a picture, a filmstrip)
 */
final class EvidenceCache<T> {

    /** Reads and makes the thing at a key; empty when it is not there or unusable. */
    interface Loader<T> {
        Optional<T> load(EvidenceReader from, String key) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceCache.class);

    private final String what;
    private final Loader<T> loader;
    private final Executor background;
    private final Map<String, CompletableFuture<Optional<T>>> kept;
    private volatile EvidenceReader reader;

    /**
     * @param what what is read, for the log
     * @param kept how many are kept
     */
    EvidenceCache(String what, int kept, Loader<T> loader, Executor background) {
        this.what = what;
        this.loader = loader;
        this.background = background;
        this.kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Optional<T>>> eldest) {
                return size() > kept;
            }
        });
    }

    /** Reads from this bucket from now on; what was kept may be another bucket's. */
    void attach(EvidenceReader newReader) {
        reader = newReader;
        kept.clear();
    }

    /** The thing at {@code key}; empty when there is no bucket yet, no key, or nothing usable there. */
    CompletableFuture<Optional<T>> get(String key) {
        EvidenceReader from = reader;
        if (from == null || key == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Optional<T>> value =
                kept.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> load(from, k), background));
        value.whenComplete((loaded, error) -> {
            if (error != null) {
                LOG.warn("cannot read the {} {}: {}", what, key, error.getMessage());
                kept.remove(key, value);
            }
        });
        return value;
    }

    private Optional<T> load(EvidenceReader from, String key) {
        try {
            return loader.load(from, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
