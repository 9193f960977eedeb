package org.classroom.desktop.logic.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Decides by content whether a file is an MP4 (an ISO base media file): its first box is {@code ftyp}
 * at byte offset 4. A renamed photo or document is refused with a reason the user can act on.
 */
public final class Mp4Check {

    private static final int HEADER = 12;

    private Mp4Check() {
    }

    /** Why the file cannot be uploaded as a video, or empty when it is an MP4. */
    public static Optional<String> refusal(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.of("not a file");
        }
        if (!Files.isReadable(file)) {
            return Optional.of("cannot be read (check its permissions)");
        }
        byte[] header;
        try (InputStream in = Files.newInputStream(file)) {
            header = in.readNBytes(HEADER);
        } catch (IOException e) {
            return Optional.of("cannot be read: " + e.getMessage());
        }
        if (header.length == 0) {
            return Optional.of("is empty");
        }
        if (header.length >= 8 && "ftyp".equals(new String(header, 4, 4, StandardCharsets.ISO_8859_1))) {
            return Optional.empty();
        }
        return Optional.of("is not an MP4 video" + lookalike(header)
                + " (its content has no ISO media 'ftyp' header, whatever its name)");
    }

    /** A hint of what the file really is, for the common mistakes. */
    static String lookalike(byte[] header) {
        if (startsWith(header, 0xFF, 0xD8, 0xFF)) {
            return ": it is a JPEG image";
        }
        if (startsWith(header, 0x89, 'P', 'N', 'G')) {
            return ": it is a PNG image";
        }
        if (startsWith(header, 'G', 'I', 'F', '8')) {
            return ": it is a GIF image";
        }
        if (startsWith(header, '%', 'P', 'D', 'F')) {
            return ": it is a PDF document";
        }
        if (startsWith(header, 'P', 'K', 3, 4)) {
            return ": it is a ZIP archive";
        }
        if (startsWith(header, 'R', 'I', 'F', 'F')) {
            return ": it is a RIFF file (AVI or WAV)";
        }
        if (startsWith(header, 0x1A, 0x45, 0xDF, 0xA3)) {
            return ": it is a Matroska/WebM video";
        }
        return "";
    }

    private static boolean startsWith(byte[] header, int... prefix) {
        if (header.length < prefix.length) {
            return false;
        }
        int[] actual = new int[prefix.length];
        for (int i = 0; i < prefix.length; i++) {
            actual[i] = header[i] & 0xFF;
        }
        return Arrays.equals(actual, prefix);
    }
}
