package org.classroom.localcloud.s3lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiryRuleTest {

    @Test
    void expiryIsRoundedUpToTheNextMidnightUtcAsS3Documents() {
        ExpiryRule rule = new ExpiryRule("r", true, "crops/", 3);

        assertThat(rule.expiresAt(Instant.parse("2014-01-15T10:30:00Z"))).isEqualTo(Instant.parse("2014-01-19T00:00:00Z"));
        assertThat(rule.expired(Instant.parse("2014-01-15T10:30:00Z"), Instant.parse("2014-01-18T23:59:59Z"))).isFalse();
        assertThat(rule.expired(Instant.parse("2014-01-15T10:30:00Z"), Instant.parse("2014-01-19T00:00:00Z"))).isTrue();
    }

    @Test
    void aRuleCoversKeysUnderItsPrefixWhenEnabled() {
        assertThat(new ExpiryRule("r", true, "crops/", 1).covers("crops/a.jpg")).isTrue();
        assertThat(new ExpiryRule("r", true, "crops/", 1).covers("frames/a.jpg")).isFalse();
        assertThat(new ExpiryRule("r", true, null, 1).covers("anything")).isTrue();
        assertThat(new ExpiryRule("r", false, "", 1).covers("anything")).isFalse();
    }
}
