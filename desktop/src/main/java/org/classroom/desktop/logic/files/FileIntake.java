package org.classroom.desktop.logic.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns dropped files and folders into upload candidates. Folders are walked recursively (hidden
 * files skipped); every file is checked by content ({@link Mp4Check}); a file already taken in this
 * session — by its real path or by its content — is taken once. Blocking I/O: call it off the UI thread.
 */
public final class FileIntake {

    private final Set<Path> seenPaths = new HashSet<>();
    private final Set<String> seenContents = new HashSet<>();

    public synchronized Intake take(List<Path> dropped) {
        List<Candidate> accepted = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        List<Path> duplicates = new ArrayList<>();
        for (Path file : expand(dropped, refused)) {
            Path real;
            try {
                real = file.toRealPath();
            } catch (java.nio.file.NoSuchFileException e) {
                refused.add(new Refusal(file, "does not exist"));
                continue;
            } catch (IOException e) {
                refused.add(new Refusal(file, "cannot be read: " + e.getMessage()));
                continue;
            }
            if (seenPaths.contains(real)) {
                duplicates.add(file);
                continue;
            }
            var reason = Mp4Check.refusal(real);
            if (reason.isPresent()) {
                refused.add(new Refusal(file, reason.get()));
                continue;
            }
            try {
                long size = Files.size(real);
                String content = size + ":" + sha256(real);
                seenPaths.add(real);
                if (!seenContents.add(content)) {
                    duplicates.add(file);
                    continue;
                }
                accepted.add(new Candidate(real, size));
            } catch (IOException | UncheckedIOException e) {
                refused.add(new Refusal(file, "cannot be read: " + e.getMessage()));
            }
        }
        return new Intake(accepted, refused, duplicates);
    }

    /** Forgets a file so that it can be taken again (after its upload was cancelled). */
    public synchronized void forget(Path file) {
        try {
            Path real = file.toRealPath();
            seenPaths.remove(real);
            seenContents.remove(Files.size(real) + ":" + sha256(real));
        } catch (IOException | UncheckedIOException e) {
            seenPaths.remove(file);
        }
    }

    private static List<Path> expand(List<Path> dropped, List<Refusal> refused) {
        List<Path> files = new ArrayList<>();
        for (Path path : dropped) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> !isHidden(path, p))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException | UncheckedIOException e) {
                    refused.add(new Refusal(path, "folder cannot be read: " + e.getMessage()));
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    private static boolean isHidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
