package org.classroom.relay.store;

import java.nio.file.Path;
import org.classroom.common.format.VideoKeys;

/**
 * Maps a video key onto a file name in the flat results folder. Keys come from whoever uploads, so
 * a key such as {@code ../../x.mp4} or {@code /etc/passwd} must never name a file outside it.
 */
public final class ResultFileNames {

    private static final int MAX_STEM = 200;

    private ResultFileNames() {
    }

    /** A safe stem: only letters, digits, '.', '_' and '-', not hidden, not empty, not too long. */
    public static String safeStem(String videoKey) {
        String stem = VideoKeys.stem(videoKey.replace('\\', '/'));
        StringBuilder safe = new StringBuilder(stem.length());
        for (int i = 0; i < stem.length() && safe.length() < MAX_STEM; i++) {
            char c = stem.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            safe.append(plain ? c : '_');
        }
        // A leading dot would hide the file, and "." or ".." would name a folder.
        for (int i = 0; i < safe.length() && safe.charAt(i) == '.'; i++) {
            safe.setCharAt(i, '_');
        }
        return safe.length() == 0 ? "_" : safe.toString();
    }

    /** The result file for a key, checked to lie directly inside {@code folder}. */
    public static Path resultFile(Path folder, String videoKey) {
        Path root = folder.toAbsolutePath().normalize();
        Path file = root.resolve(safeStem(videoKey) + ".txt").normalize();
        if (!file.startsWith(root) || !root.equals(file.getParent())) {
            throw new IllegalArgumentException("video key would leave the results folder: " + videoKey);
        }
        return file;
    }
}
