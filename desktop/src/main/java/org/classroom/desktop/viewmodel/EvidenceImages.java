package org.classroom.desktop.viewmodel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.scene.image.Image;
import org.classroom.desktop.logic.evidence.EvidenceReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pictures from the evidence bucket, each read and decoded off the UI thread and kept by key, the least recently
 * used going first. A picture that is not there (an older result, or expired) or not a picture is kept as empty; a
 * failed read is not kept, since the next look may succeed.
 */
final class EvidenceImages {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceImages.class);

    private final String what;
    private final Function<byte[], Image> decode;
    private final Executor background;
    private final Map<String, CompletableFuture<Optional<Image>>> kept;
    private volatile EvidenceReader reader;

    /**
     * @param what   what the pictures are, for the log
     * @param kept   how many are kept
     * @param decode bytes to a picture (at the size it is shown)
     */
    EvidenceImages(String what, int kept, Function<byte[], Image> decode, Executor background) {
        this.what = what;
        this.decode = decode;
        this.background = background;
        this.kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Optional<Image>>> eldest) {
                return size() > kept;
            }
        });
    }

    /** Reads from this bucket from now on; what was kept may be another bucket's. */
    void attach(EvidenceReader newReader) {
        reader = newReader;
        kept.clear();
    }

    /** The picture at {@code key}; empty when there is no bucket yet, no key, or no picture there. */
    CompletableFuture<Optional<Image>> get(String key) {
        EvidenceReader from = reader;
        if (from == null || key == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Optional<Image>> image =
                kept.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> load(from, k), background));
        image.whenComplete((loaded, error) -> {
            if (error != null) {
                LOG.warn("cannot show the {} {}: {}", what, key, error.getMessage());
                kept.remove(key, image);
            }
        });
        return image;
    }

    private Optional<Image> load(EvidenceReader from, String key) {
        Optional<byte[]> bytes;
        try {
            bytes = from.read(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.isEmpty()) {
            LOG.debug("no {} at {} (older result, or expired)", what, key);
            return Optional.empty();
        }
        Image image = decode.apply(bytes.get());
        if (image.isError()) {
            LOG.debug("{} {} is not an image: {}", what, key, image.getException().getMessage());
            return Optional.empty();
        }
        return Optional.of(image);
    }
}
