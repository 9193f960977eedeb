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
    /** The ending of an enrolment that names a face in a video ({@link FaceReference}) instead of a photo. */
    public static final String FACE_SUFFIX = ".face.json";

    private EnrolmentKeys() {
    }

    public static String key(String studentName, String fileName) {
        return PREFIX + studentName + "/" + fileName;
    }

    /** The key of a {@link FaceReference} enrolling a face seen in a video as {@code studentName}. */
    public static String faceKey(String studentName, String request) {
        return key(studentName, request + FACE_SUFFIX);
    }

    /** The request id of a {@link #faceKey} (its file name without the ending). */
    public static String faceRequest(String key) {
        String file = fileName(key);
        return file.substring(0, file.length() - FACE_SUFFIX.length());
    }

    public static boolean isFaceReference(String key) {
        return isEnrolment(key) && key.endsWith(FACE_SUFFIX);
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
