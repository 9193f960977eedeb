package org.classroom.common.events;

/** S3 quotes ETags in headers but not in event notifications; compare them without the quotes. */
public final class ETags {

    private ETags() {
    }

    public static String normalise(String etag) {
        if (etag == null) {
            return null;
        }
        String trimmed = etag.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? null : trimmed;
    }
}
