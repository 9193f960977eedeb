package org.classroom.common.format;

import java.util.Map;
import java.util.Optional;

/**
 * Uploads under {@code enrol/} enrol a face instead of being recognised: the desktop writes
 * {@code enrol/<student name>/<file>}, the function reads the name back (or from the object's
 * {@code x-amz-meta-student} metadata, which wins), and results come back under the same key.
 */
public final class EnrolmentKeys {

    public static final String PREFIX = "enrol/";
    public static final String STUDENT_METADATA = "student";

    private EnrolmentKeys() {
    }

    public static String key(String studentName, String fileName) {
        return PREFIX + studentName + "/" + fileName;
    }

    public static boolean isEnrolment(String key) {
        return key != null && key.startsWith(PREFIX);
    }

    /** The student the key names, or empty when it names none. */
    public static Optional<String> studentName(String key) {
        if (!isEnrolment(key)) {
            return Optional.empty();
        }
        String rest = key.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String name = rest.substring(0, slash).trim();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /** The student to enrol: the metadata's, else the key's; empty when neither names one. */
    public static Optional<String> studentName(String key, Map<String, String> metadata) {
        String fromMetadata = metadata.get(STUDENT_METADATA);
        if (fromMetadata != null && !fromMetadata.isBlank()) {
            return Optional.of(fromMetadata.trim());
        }
        return studentName(key);
    }

    /** The file part of the key. */
    public static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
