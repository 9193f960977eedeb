package org.classroom.common.format;

/**
 * Where a person's face crop lives in the evidence bucket: {@code crops/<video key>/<etag>/<person>.jpg}. The
 * ETag (without S3's quotes) keeps a re-upload's crops apart from the older upload's; the person is the gallery
 * name, or {@code unknown-N} for the N-th unknown person of the result.
 */
public final class EvidenceKeys {

    private static final String PREFIX = "crops/";

    private EvidenceKeys() {
    }

    public static String cropKey(String videoKey, String etag, String person) {
        String version = etag == null || etag.isBlank() ? "no-etag" : etag;
        return PREFIX + videoKey + "/" + version + "/" + safe(person) + ".jpg";
    }

    /** The label of the N-th (from 1) unknown person in a result's list. */
    public static String unknownPerson(int number) {
        return "unknown-" + number;
    }

    /** A gallery name as one path segment: nothing that would add a folder or break a URL. */
    private static String safe(String person) {
        return person.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
