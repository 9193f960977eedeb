package org.classroom.function.correction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.classroom.common.students.FaceRejection;

/**
 * The "not this student" corrections as a warm container sees them: read from the student table, kept for
 * the gallery's maximum age, read again on demand (a re-upload asks, to tell whether its stored result is
 * still right).
 */
public final class RejectionCache {

    private final Supplier<List<FaceRejection>> source;
    private final Duration maxAge;
    private final Clock clock;
    private List<FaceRejection> rejections;
    private Instant readAt;

    public RejectionCache(Supplier<List<FaceRejection>> source, Duration maxAge, Clock clock) {
        this.source = source;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public synchronized List<FaceRejection> get() {
        Instant now = clock.instant();
        if (rejections == null || readAt == null || !now.isBefore(readAt.plus(maxAge))) {
            rejections = List.copyOf(source.get());
            readAt = now;
        }
        return rejections;
    }

    /** A fingerprint of the rejections in force (their ids): it changes when one is added or undone. */
    public String stamp() {
        MessageDigest digest = sha256();
        get().stream().map(FaceRejection::id).sorted()
                .forEach(id -> digest.update((id + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    /** As {@link #stamp()}, read again from the table. */
    public String freshStamp() {
        synchronized (this) {
            readAt = null;
        }
        return stamp();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
