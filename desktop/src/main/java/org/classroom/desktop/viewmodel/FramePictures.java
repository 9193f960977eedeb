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
import javafx.scene.image.Image;
import org.classroom.desktop.logic.evidence.EvidenceReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pictures of best-view frames, read from the evidence bucket and decoded off the UI thread, kept by key
 * (the last {@value #KEPT} used), so going back and forth between rows does not read a frame again.
 */
public final class FramePictures {

    private static final int KEPT = 40;
    private static final Logger LOG = LoggerFactory.getLogger(FramePictures.class);

    private final Executor background;
    private final Map<String, CompletableFuture<Optional<Image>>> kept =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Optional<Image>>> eldest) {
                    return size() > KEPT;
                }
            });
    private volatile EvidenceReader reader;

    FramePictures(Executor background) {
        this.background = background;
    }

    /** Reads from this bucket from now on. */
    void attach(EvidenceReader newReader) {
        reader = newReader;
        kept.clear();
    }

    /** The frame's picture; empty when it is not there (older result, expired) or not a picture. */
    CompletableFuture<Optional<Image>> picture(String key) {
        EvidenceReader from = reader;
        if (from == null || key == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Optional<Image>> picture =
                kept.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> load(from, k), background));
        picture.whenComplete((image, error) -> {
            if (error != null) {
                LOG.warn("cannot show the frame {}: {}", key, error.getMessage());
                kept.remove(key, picture);   // a failed read may succeed next time
            }
        });
        return picture;
    }

    private static Optional<Image> load(EvidenceReader from, String key) {
        Optional<byte[]> bytes;
        try {
            bytes = from.read(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        Image image = new Image(new ByteArrayInputStream(bytes.get()));
        return image.isError() ? Optional.empty() : Optional.of(image);
    }
}
