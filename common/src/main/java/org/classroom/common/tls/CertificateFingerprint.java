package org.classroom.common.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A certificate's SHA-256 fingerprint in the form keytool and openssl print it ({@code AB:CD:...}): the relay
 * logs it, {@code classroom deploy relay} prints it and the desktop pins the relay's certificate by it.
 */
public final class CertificateFingerprint {

    private static final HexFormat FORMAT = HexFormat.ofDelimiter(":").withUpperCase();

    private CertificateFingerprint() {
    }

    public static String sha256(Certificate certificate) {
        try {
            return FORMAT.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the certificate: " + e.getMessage(), e);
        }
    }

    /**
     * A fingerprint as a person may paste it (colons or not, any case, keytool's {@code SHA256:} label) in the
     * canonical form; refuses anything that is not 32 bytes of hex.
     */
    public static String parse(String text) {
        String hex = text.strip().replaceFirst("(?i)^sha-?256( fingerprint)?[:=]?\\s*", "")
                .replaceAll("[:\\s]", "").toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint (64 hex digits, colons allowed): '" + text.strip() + "'");
        }
        return FORMAT.formatHex(HexFormat.of().parseHex(hex));
    }
}
