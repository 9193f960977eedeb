package org.classroom.common.events;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Object keys in S3 event notifications are form-encoded: {@code +} is a space, {@code %XX} a byte of UTF-8. */
public final class S3Keys {

    private S3Keys() {
    }

    public static String decode(String encodedKey) {
        try {
            return URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A stray '%' that starts no escape: S3 would have encoded it, so the key is used as it came.
            return encodedKey;
        }
    }

    /** The key as S3 writes it into an event record: form-encoded, slashes kept. */
    public static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
