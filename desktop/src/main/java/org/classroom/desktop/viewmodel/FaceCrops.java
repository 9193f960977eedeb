package org.classroom.desktop.viewmodel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import org.classroom.desktop.logic.evidence.EvidenceReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The results table's face thumbnails: each crop read from the evidence bucket off the UI thread,
 * decoded to {@link #HEIGHT} px high and kept by key, the least recently used going first, so
 * scrolling a large table does not read a crop again.
 */
public final class FaceCrops {

    public static final double HEIGHT = 40;
    private static final int KEPT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(FaceCrops.class);

    private final Executor ui;
    private final Executor background;
    private final Map<String, CompletableFuture<Optional<Image>>> kept =
            Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Optional<Image>>> eldest) {
                    return size() > KEPT;
                }
            });
    private volatile EvidenceReader reader;

    FaceCrops(Executor ui, Executor background) {
        this.ui = ui;
        this.background = background;
    }

    /** Reads from this bucket from now on; what was kept may be another bucket's. */
    void attach(EvidenceReader newReader) {
        reader = newReader;
        kept.clear();
    }

    /** Hands the crop's thumbnail to {@code show} on the UI thread; nothing when there is none. UI thread. */
    public void show(String key, Consumer<Image> show) {
        CompletableFuture<Optional<Image>> thumbnail = thumbnail(key);
        if (thumbnail.isDone() && !thumbnail.isCompletedExceptionally()) {
            thumbnail.join().ifPresent(show);   // already here: no flicker of an empty cell
        } else {
            thumbnail.thenAcceptAsync(image -> image.ifPresent(show), ui);
        }
    }

    CompletableFuture<Optional<Image>> thumbnail(String key) {
        EvidenceReader from = reader;
        if (from == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Optional<Image>> thumbnail =
                kept.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> load(from, k), background));
        // a failed read (not a missing crop) is not kept: the next look may succeed
        thumbnail.whenComplete((image, error) -> {
            if (error != null) {
                LOG.warn("cannot show the face crop {}: {}", key, error.getMessage());
                kept.remove(key, thumbnail);
            }
        });
        return thumbnail;
    }

    private static Optional<Image> load(EvidenceReader from, String key) {
        Optional<byte[]> bytes;
        try {
            bytes = from.read(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.isEmpty()) {
            LOG.debug("no face crop at {} (older result, or expired)", key);
            return Optional.empty();
        }
        Image image = new Image(new ByteArrayInputStream(bytes.get()), 0, HEIGHT, true, true);
        if (image.isError()) {
            LOG.debug("face crop {} is not an image: {}", key, image.getException().getMessage());
            return Optional.empty();
        }
        return Optional.of(image);
    }
}
