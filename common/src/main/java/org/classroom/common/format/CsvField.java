package org.classroom.common.format;

/** One CSV field (RFC 4180), quoted only when CSV needs it, so plain values stay byte-identical to the seed's. */
public final class CsvField {

    private CsvField() {
    }

    /** The value as a field; null is the empty field. */
    public static String of(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
