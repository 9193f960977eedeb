package org.classroom.function.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.classroom.face.gallery.Gallery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gallery as a warm container sees it: loaded once, reloaded when older than the maximum age or
 * after an enrolment changed it. When a reload fails and an older copy exists, the older copy is used
 * (and the reload tried again next time), so a brief table outage does not fail recognition.
 */
public final class GalleryCache {

    private static final Logger LOG = LoggerFactory.getLogger(GalleryCache.class);

    private final Supplier<Map<String, List<double[]>>> source;
    private final Duration maxAge;
    private final Clock clock;
    private Gallery gallery;
    private Instant loadedAt;

    public GalleryCache(Supplier<Map<String, List<double[]>>> source, Duration maxAge, Clock clock) {
        this.source = source;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public synchronized Gallery get() {
        Instant now = clock.instant();
        if (gallery != null && loadedAt != null && now.isBefore(loadedAt.plus(maxAge))) {
            return gallery;
        }
        try {
            Gallery loaded = new Gallery(source.get());
            if (loaded.isEmpty()) {
                LOG.warn("the gallery is empty: every face will be unknown until students are enrolled");
            }
            gallery = loaded;
            loadedAt = now;
            LOG.debug("gallery loaded: {} people", loaded.size());
            return loaded;
        } catch (RuntimeException e) {
            if (gallery == null) {
                throw e;
            }
            LOG.warn("gallery reload failed, using the copy from {}: {}", loadedAt, Retrier.oneLine(e));
            return gallery;
        }
    }

    /** The fingerprint of the gallery as this container has it ({@link GalleryStamp}). */
    public String stamp() {
        return GalleryStamp.of(get());
    }

    /** The fingerprint of the gallery as the table has it now: read again, whatever this copy's age. */
    public String freshStamp() {
        invalidate();
        return stamp();
    }

    /** Forgets the copy, so the next {@link #get()} reads the table (after an enrolment). */
    public synchronized void invalidate() {
        loadedAt = null;
    }
}
