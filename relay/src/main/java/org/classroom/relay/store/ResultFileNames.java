package org.classroom.relay.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Maps a video key onto a file name in the flat results folder; the one rule for everyone who looks
 * for a result file (the relay's store, the CLI's workload watch, the tests).
 *
 * <ul>
 *   <li>A <b>plain</b> key — no folder, lower-case letters, digits, {@code .}, {@code _}, {@code -},
 *       ending in {@code .mp4}, not starting with a dot — keeps its stem: {@code test_0.mp4} →
 *       {@code test_0.txt}. Different plain keys have different stems, even on a file system that
 *       ignores case.</li>
 *   <li>Any other key gets a readable part (its stem with every other character as {@code _}, at most
 *       80 characters) then {@code ~} and the first 16 hex digits of the SHA-256 of the whole key:
 *       {@code x/a.mp4} → {@code a~<hash>.txt}. Plain names never contain {@code ~}, so the two kinds
 *       cannot meet, and the hash tells keys with the same readable part apart.</li>
 * </ul>
 *
 * The name depends on the key alone, so it is the same after a restart. Keys come from whoever
 * uploads: none can name a file outside the folder, a hidden file, or a folder.
 */
public final class ResultFileNames {

    private static final Pattern PLAIN = Pattern.compile("[a-z0-9_-][a-z0-9._-]{0,119}\\.mp4");
    private static final int MAX_READABLE = 80;
    private static final int HASH_HEX_DIGITS = 16;

    private ResultFileNames() {
    }

    /** The result file's name (no folder) for a video key. */
    public static String fileName(String videoKey) {
        if (PLAIN.matcher(videoKey).matches()) {
            return videoKey.substring(0, videoKey.length() - ".mp4".length()) + ".txt";
        }
        return readable(videoKey) + "~" + hash(videoKey) + ".txt";
    }

    /** The result file for a key, checked to lie directly inside {@code folder}. */
    public static Path resultFile(Path folder, String videoKey) {
        Path root = folder.toAbsolutePath().normalize();
        Path file = root.resolve(fileName(videoKey)).normalize();
        if (!root.equals(file.getParent())) {
            throw new IllegalArgumentException("video key would leave the results folder: " + videoKey);
        }
        return file;
    }

    /** The key's file stem reduced to [A-Za-z0-9._-], never starting with a dot (hidden, "." or ".."). */
    private static String readable(String videoKey) {
        String path = videoKey.replace('\\', '/');
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        StringBuilder safe = new StringBuilder(Math.min(stem.length(), MAX_READABLE));
        for (int i = 0; i < stem.length() && safe.length() < MAX_READABLE; i++) {
            char c = stem.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            safe.append(plain ? c : '_');
        }
        for (int i = 0; i < safe.length() && safe.charAt(i) == '.'; i++) {
            safe.setCharAt(i, '_');
        }
        return safe.length() == 0 ? "_" : safe.toString();
    }

    private static String hash(String videoKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(videoKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
