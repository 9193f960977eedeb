package org.classroom.desktop.viewmodel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.scene.image.Image;
import org.classroom.common.format.EvidenceKeys;
import org.classroom.common.format.FilmstripIndex;
import org.classroom.desktop.logic.evidence.EvidenceReader;

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

    private final Executor background;
    private final EvidenceCache<Strip> kept;

    Filmstrips(Executor background) {
        this.background = background;
        this.kept = new EvidenceCache<>("filmstrip", KEPT, Filmstrips::load, background);
    }

    void attach(EvidenceReader newReader) {
        kept.attach(newReader);
    }

    /** The thumbnail nearest {@code seconds} in the strip with this index key; empty when there is no strip. */
    CompletableFuture<Optional<StripFrame>> nearest(String indexKey, double seconds) {
        return kept.get(indexKey).thenApplyAsync(loaded -> loaded.flatMap(s -> cut(s, seconds)), background);
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

    private static Optional<Strip> load(EvidenceReader from, String indexKey) throws IOException {
        Optional<byte[]> index = from.read(indexKey);
        if (index.isEmpty()) {
            return Optional.empty();   // an older result, or no strip was kept
        }
        FilmstripIndex parsed = parse(index.get(), indexKey);
        Optional<byte[]> images = from.read(EvidenceKeys.filmstripImagesOf(indexKey));
        return images.map(bytes -> new Strip(parsed, bytes));
    }

    private static FilmstripIndex parse(byte[] json, String key) throws IOException {
        try {
            return FilmstripIndex.fromJson(json);
        } catch (IOException e) {
            throw new IOException("the filmstrip index " + key + " does not read: " + e.getMessage(), e);
        }
    }
}
