package org.classroom.desktop.viewmodel;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.scene.image.Image;
import org.classroom.desktop.logic.evidence.EvidenceReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pictures from the evidence bucket, each read and decoded off the UI thread and kept by key (an
 * {@link EvidenceCache}). A picture that is not there (an older result, or expired) or not a picture is kept as
 * empty.
 */
final class EvidenceImages {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceImages.class);

    private final String what;
    private final Function<byte[], Image> decode;
    private final EvidenceCache<Image> kept;

    /**
     * @param what   what the pictures are, for the log
     * @param kept   how many are kept
     * @param decode bytes to a picture (at the size it is shown)
     */
    EvidenceImages(String what, int kept, Function<byte[], Image> decode, Executor background) {
        this.what = what;
        this.decode = decode;
        this.kept = new EvidenceCache<>(what, kept, this::load, background);
    }

    /** Reads from this bucket from now on; what was kept may be another bucket's. */
    void attach(EvidenceReader newReader) {
        kept.attach(newReader);
    }

    /** The picture at {@code key}; empty when there is no bucket yet, no key, or no picture there. */
    CompletableFuture<Optional<Image>> get(String key) {
        return kept.get(key);
    }

    private Optional<Image> load(EvidenceReader from, String key) throws IOException {
        Optional<byte[]> bytes = from.read(key);
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
