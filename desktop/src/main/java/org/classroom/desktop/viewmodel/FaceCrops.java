package org.classroom.desktop.viewmodel;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.image.Image;
import org.classroom.desktop.logic.evidence.EvidenceReader;

/**
 * The results table's face thumbnails: each crop read from the evidence bucket off the UI thread,
 * decoded to {@link #HEIGHT} px high and kept by key, the least recently used going first, so
 * scrolling a large table does not read a crop again.
 */
public final class FaceCrops {

    public static final double HEIGHT = 40;
    private static final int KEPT = 500;

    private final Executor ui;
    private final EvidenceImages images;

    FaceCrops(Executor ui, Executor background) {
        this.ui = ui;
        this.images = new EvidenceImages("face crop", KEPT,
                bytes -> new Image(new ByteArrayInputStream(bytes), 0, HEIGHT, true, true), background);
    }

    /** Reads from this bucket from now on; what was kept may be another bucket's. */
    void attach(EvidenceReader newReader) {
        images.attach(newReader);
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
        return images.get(key);
    }
}
