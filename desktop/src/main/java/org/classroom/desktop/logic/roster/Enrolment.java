package org.classroom.desktop.logic.roster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.classroom.common.format.EnrolmentKeys;
import org.classroom.desktop.logic.files.Mp4Check;

/** The rules of enrolment on the desktop: valid names and valid files (the key is {@link EnrolmentKeys}'s). */
public final class Enrolment {

    private Enrolment() {
    }

    /** A name as the table and the gallery know it: no slashes, no surrounding spaces. */
    public static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a student needs a name");
        }
        if (!name.equals(name.strip()) || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("a name cannot contain slashes or start or end with a space: '" + name + "'");
        }
    }

    /** Why the file cannot be used to enrol: it must be a JPEG or PNG photo, or an MP4 clip. */
    public static Optional<String> refusal(Path file) {
        if (Mp4Check.refusal(file).isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            boolean jpeg = head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF;
            boolean png = head.length >= 4 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
            return jpeg || png ? Optional.empty()
                    : Optional.of("is neither a photo (JPEG, PNG) nor an MP4 clip");
        } catch (IOException e) {
            return Optional.of("cannot be read: " + e.getMessage());
        }
    }

}
