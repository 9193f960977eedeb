package org.classroom.desktop.viewmodel;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.scene.image.Image;
import org.classroom.desktop.logic.evidence.EvidenceReader;

/**
 * The pictures of best-view frames, read from the evidence bucket and decoded off the UI thread, kept by key
 * (the last {@value #KEPT} used), so going back and forth between rows does not read a frame again.
 */
public final class FramePictures {

    private static final int KEPT = 40;

    private final EvidenceImages images;

    FramePictures(Executor background) {
        this.images = new EvidenceImages("frame", KEPT, bytes -> new Image(new ByteArrayInputStream(bytes)),
                background);
    }

    /** Reads from this bucket from now on. */
    void attach(EvidenceReader newReader) {
        images.attach(newReader);
    }

    /** The frame's picture; empty when it is not there (older result, expired) or not a picture. */
    CompletableFuture<Optional<Image>> picture(String key) {
        return images.get(key);
    }
}
