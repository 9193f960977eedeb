package org.classroom.function.process;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a claim fresh while its invocation is at work on the video, three times per lease. The lease can
 * then be short whatever a video takes: a claim goes stale only when its holder died (or froze for a whole
 * lease), and the video's message, coming back after the relay's own lease, finds it free to take over
 * rather than busy until its receives run out.
 */
public final class ClaimRenewal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimRenewal.class);

    private final ResultLedger ledger;
    private final Duration period;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "claim-renewal");
        thread.setDaemon(true);
        return thread;
    });

    public ClaimRenewal(ResultLedger ledger, Duration lease) {
        this.ledger = ledger;
        this.period = Duration.ofMillis(Math.max(100, lease.toMillis() / 3));
    }

    /** Renews the claim until the returned hold is closed (or the claim turns out lost). */
    public Hold hold(ResultLedger.Claim claim) {
        return new Hold(claim);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One claim kept fresh; {@link #switchTo} follows a new claim on the same video. */
    public final class Hold implements AutoCloseable {

        private volatile ResultLedger.Claim claim;
        private final VideoProgress progress = new VideoProgress();
        private final ScheduledFuture<?> renewals;

        private Hold(ResultLedger.Claim claim) {
            this.claim = claim;
            this.renewals = timer.scheduleAtFixedRate(this::renew, period.toMillis(), period.toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        /** How far the work is: each renewal records it with the claim, for {@code classroom process} to show. */
        public VideoProgress progress() {
            return progress;
        }

        /** From now on renews this claim instead (the object was replaced and claimed again). */
        public void switchTo(ResultLedger.Claim newClaim) {
            claim = newClaim;
        }

        private void renew() {
            ResultLedger.Claim held = claim;
            try {
                if (held.token() != null && !ledger.renew(held, progress.current())) {
                    LOG.warn("claim on {} was lost (taken over after a stall); its result will not be published",
                            held.video());
                    renewals.cancel(false);
                }
            } catch (RuntimeException e) {
                // The next renewal tries again; the lease is three periods long.
                LOG.info("claim on {} not renewed this time: {}", held.video(), e.getMessage());
            }
        }

        @Override
        public void close() {
            renewals.cancel(false);
        }
    }
}
