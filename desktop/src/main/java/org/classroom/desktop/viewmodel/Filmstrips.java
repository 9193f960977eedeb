package org.classroom.desktop.viewmodel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.scene.image.Image;
import org.classroom.common.format.EvidenceKeys;
import org.classroom.common.format.FilmstripIndex;
import org.classroom.desktop.logic.evidence.EvidenceReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Videos' filmstrips: each read whole (its index, then its thumbnails, about a megabyte at most) the first time
 * the pointer is over its timeline, kept for the last few videos, and cut into the thumbnail nearest a time off
 * the UI thread.
 */
public final class Filmstrips {

    /** A thumbnail and the time it shows. */
    public record StripFrame(double seconds, Image image) {
    }

    private record Strip(FilmstripIndex index, byte[] images) {
    }

    private static final int KEPT = 8;
    private static final Logger LOG = LoggerFactory.getLogger(Filmstrips.class);

    private final Executor background;
    private final Map<String, CompletableFuture<Optional<Strip>>> kept =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Optional<Strip>>> eldest) {
                    return size() > KEPT;
                }
            });
    private volatile EvidenceReader reader;

    Filmstrips(Executor background) {
        this.background = background;
    }

    void attach(EvidenceReader newReader) {
        reader = newReader;
        kept.clear();
    }

    /** The thumbnail nearest {@code seconds} in the strip with this index key; empty when there is no strip. */
    CompletableFuture<Optional<StripFrame>> nearest(String indexKey, double seconds) {
        EvidenceReader from = reader;
        if (from == null || indexKey == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Optional<Strip>> strip =
                kept.computeIfAbsent(indexKey, k -> CompletableFuture.supplyAsync(() -> load(from, k), background));
        strip.whenComplete((loaded, error) -> {
            if (error != null) {
                LOG.warn("cannot read the filmstrip {}: {}", indexKey, error.getMessage());
                kept.remove(indexKey, strip);
            }
        });
        return strip.thenApplyAsync(loaded -> loaded.flatMap(s -> cut(s, seconds)), background);
    }

    private static Optional<StripFrame> cut(Strip strip, double seconds) {
        return strip.index().nearest(seconds).flatMap(thumbnail -> {
            long end = thumbnail.offset() + thumbnail.length();
            if (thumbnail.offset() < 0 || end > strip.images().length) {
                return Optional.empty();   // an index that names bytes the strip does not have
            }
            byte[] jpeg = Arrays.copyOfRange(strip.images(), (int) thumbnail.offset(), (int) end);
            Image image = new Image(new ByteArrayInputStream(jpeg));
            return image.isError() ? Optional.empty() : Optional.of(new StripFrame(thumbnail.seconds(), image));
        });
    }

    private static Optional<Strip> load(EvidenceReader from, String indexKey) {
        try {
            Optional<byte[]> index = from.read(indexKey);
            if (index.isEmpty()) {
                return Optional.empty();   // an older result, or no strip was kept
            }
            FilmstripIndex parsed = parse(index.get(), indexKey);
            Optional<byte[]> images = from.read(EvidenceKeys.filmstripImagesOf(indexKey));
            return images.map(bytes -> new Strip(parsed, bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FilmstripIndex parse(byte[] json, String key) throws IOException {
        try {
            return FilmstripIndex.fromJson(json);
        } catch (IOException e) {
            throw new IOException("the filmstrip index " + key + " does not read: " + e.getMessage(), e);
        }
    }
}
