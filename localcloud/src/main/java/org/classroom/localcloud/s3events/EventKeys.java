package org.classroom.localcloud.s3events;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Object keys as S3 writes them into event records: form-URL-encoded (space as '+'), slashes kept. */
public final class EventKeys {

    private EventKeys() {
    }

    public static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
