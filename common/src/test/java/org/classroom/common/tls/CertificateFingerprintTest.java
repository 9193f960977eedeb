package org.classroom.common.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CertificateFingerprintTest {

    private static final String CANONICAL = "A2:2B:B2:1B:B2:5A:06:06:F2:EF:3F:A4:69:73:C1:F2:"
            + "06:DB:B3:92:3B:A6:3C:05:F4:A6:E3:DE:1A:E3:E8:3A";

    @Test
    void readsTheFormsKeytoolAndOpensslPrintAndBareHex() {
        assertThat(CertificateFingerprint.parse(CANONICAL)).isEqualTo(CANONICAL);
        assertThat(CertificateFingerprint.parse("  SHA256: " + CANONICAL + "\n")).isEqualTo(CANONICAL);
        assertThat(CertificateFingerprint.parse("sha256 Fingerprint=" + CANONICAL)).isEqualTo(CANONICAL);
        assertThat(CertificateFingerprint.parse(CANONICAL.replace(":", "").toLowerCase())).isEqualTo(CANONICAL);
    }

    @Test
    void refusesWhatIsNotASha256() {
        assertThatThrownBy(() -> CertificateFingerprint.parse("3A:1F:55:D1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a SHA-256 fingerprint");
        assertThatThrownBy(() -> CertificateFingerprint.parse(CANONICAL.replace('A', 'G')))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
