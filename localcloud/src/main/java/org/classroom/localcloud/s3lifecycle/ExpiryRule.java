package org.classroom.localcloud.s3lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One lifecycle rule of the kind the local cloud carries out: objects whose key starts with {@code prefix}
 * expire {@code days} days after they were written.
 *
 * @param prefix the key prefix, "" for the whole bucket
 */
public record ExpiryRule(String id, boolean enabled, String prefix, int days) {

    public ExpiryRule {
        prefix = prefix == null ? "" : prefix;
    }

    public boolean covers(String key) {
        return enabled && key.startsWith(prefix);
    }

    /**
     * When an object written at {@code lastModified} expires. As S3 documents it, the days are added to the
     * object's creation time and the result is rounded up to the next midnight UTC, so an object written at
     * 10:30 on the 15th with 3 days expires at 00:00 on the 19th.
     */
    public Instant expiresAt(Instant lastModified) {
        return lastModified.plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
    }

    public boolean expired(Instant lastModified, Instant now) {
        return !now.isBefore(expiresAt(lastModified));
    }
}
