package org.classroom.localsystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.classroom.common.files.AtomicFiles;

/**
 * The local relay's bearer token: random, and kept beside the data it guards, so that a desktop connected
 * to a restarted system still gets in. Readable by its owner only.
 */
final class RelayToken {

    private static final String FILE = "relay-token";

    private RelayToken() {
    }

    /** The token saved under {@code dataDir}, made on first use; a fresh one when there is no data folder. */
    static String forData(Path dataDir) {
        if (dataDir == null) {
            return newToken();
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                String saved = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (saved.matches("[0-9a-f]{32,}")) {
                    return saved;
                }
            }
            String token = newToken();
            Files.createDirectories(dataDir);
            AtomicFiles.write(file, token.getBytes(StandardCharsets.UTF_8));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's own permissions apply.
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the relay token in " + file, e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
