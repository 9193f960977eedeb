package org.classroom.function.process;

import java.util.Map;
import java.util.Optional;

/**
 * Uploads under {@code enrol/} enrol a face instead of being recognised. The student is named by the
 * object's {@code x-amz-meta-student} metadata, else by the key's next path segment
 * ({@code enrol/<student name>/<file>}).
 */
public final class EnrolmentKey {

    public static final String PREFIX = "enrol/";
    public static final String STUDENT_METADATA = "student";

    private EnrolmentKey() {
    }

    public static boolean isEnrolment(String key) {
        return key.startsWith(PREFIX);
    }

    /** The student to enrol, or empty when neither the metadata nor the key names one. */
    public static Optional<String> studentName(String key, Map<String, String> metadata) {
        String fromMetadata = metadata.get(STUDENT_METADATA);
        if (fromMetadata != null && !fromMetadata.isBlank()) {
            return Optional.of(fromMetadata.trim());
        }
        String rest = key.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String name = rest.substring(0, slash).trim();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
