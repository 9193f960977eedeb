package org.classroom.relay.aws;

import java.time.Duration;

/** How long to wait between attempts while a service cannot be reached: doubling, up to a cap. */
public record Backoff(Duration first, Duration max) {

    /** Half a second at first, never more than 30 s between attempts. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
}
