package org.classroom.localcloud.s3lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the buckets' expiration rules, as S3 does in the background: at start and then every
 * {@code period}, deletes each object an enabled rule's prefix covers once it is past its expiry (see
 * {@link ExpiryRule#expiresAt}). The deletes go straight to the S3 stand-in, not through the edge's
 * gateway, so they send no event notifications (S3 would send s3:LifecycleExpiration events, which the
 * local cloud does not emulate).
 */
public final class ExpirySweeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);
    public static final Duration DEFAULT_PERIOD = Duration.ofHours(1);

    private final LifecycleStore rules;
    private final BucketObjects objects;
    private final Clock clock;
    private final Duration period;
    private ScheduledExecutorService timer;

    public ExpirySweeper(LifecycleStore rules, BucketObjects objects, Clock clock, Duration period) {
        this.rules = rules;
        this.objects = objects;
        this.clock = clock;
        this.period = period;
    }

    /** Sweeps now and then every period, on a daemon thread. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "s3-expiry");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::sweepQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One sweep at the clock's present time.
     *
     * @return how many objects were deleted
     */
    public synchronized int sweep() {
        Instant now = clock.instant();
        int deleted = 0;
        for (Map.Entry<String, List<ExpiryRule>> bucket : rules.all().entrySet()) {
            for (ExpiryRule rule : bucket.getValue()) {
                if (!rule.enabled()) {
                    continue;
                }
                try {
                    deleted += expire(bucket.getKey(), rule, now);
                } catch (RuntimeException e) {
                    // One bucket that cannot be listed does not keep the others from expiring.
                    LOG.warn("could not expire objects in bucket {} by rule {}: {}", bucket.getKey(), rule.id(), e.getMessage());
                }
            }
        }
        return deleted;
    }

    private int expire(String bucket, ExpiryRule rule, Instant now) {
        int deleted = 0;
        for (BucketObjects.Listed object : objects.list(bucket, rule.prefix())) {
            if (rule.covers(object.key()) && rule.expired(object.lastModified(), now) && objects.delete(bucket, object.key())) {
                deleted++;
                LOG.debug("s3://{}/{} expired by rule {} (written {})", bucket, object.key(), rule.id(), object.lastModified());
            }
        }
        if (deleted > 0) {
            LOG.info("{} object(s) in bucket {} expired by rule {} ({} day(s))", deleted, bucket, rule.id(), rule.days());
        }
        return deleted;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // An exception would cancel the schedule; the next sweep tries again.
            LOG.warn("expiring S3 objects failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
