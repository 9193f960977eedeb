package org.classroom.relay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where a relay started without a token keeps the one it made: {@code relay-token} beside the results
 * folder (e.g. {@code /var/lib/classroom-relay/relay-token}), readable by its owner only. The token is
 * a secret, so it goes to this file and never to the log; a restart reuses it, so connected desktops
 * stay connected.
 */
final class TokenFile {

    static final String NAME = "relay-token";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    private TokenFile(Path file) {
        this.file = file;
    }

    /** The token file that goes with a results folder. */
    static TokenFile besideResults(Path resultsDir) {
        Path folder = resultsDir.toAbsolutePath().normalize();
        Path parent = folder.getParent() == null ? folder : folder.getParent();
        return new TokenFile(parent.resolve(NAME));
    }

    Path path() {
        return file;
    }

    /** The token kept in the file, or a new one from {@code generate}, written there first. */
    String readOrCreate(Supplier<String> generate) throws IOException {
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (kept.matches("[A-Za-z0-9_-]{16,}")) {
                restrict(file);
                return kept;
            }
        }
        String token = generate.get();
        Files.createDirectories(file.getParent());
        // Made owner-only before the secret is written, then renamed into place: never readable by others.
        Path temp = Files.createTempFile(file.getParent(), ".relay-token-", ".part", ownerOnly());
        try {
            Files.writeString(temp, token + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return token;
    }

    private static FileAttribute<?>[] ownerOnly() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static void restrict(Path file) throws IOException {
        if (posix()) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
