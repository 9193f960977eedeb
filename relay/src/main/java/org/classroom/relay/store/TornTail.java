package org.classroom.relay.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs a line log whose last line a crash cut short (possibly inside a UTF-8 character): the
 * bytes after the last newline are copied to {@code <log>.torn-<millis>} and cut off, so the log
 * reads cleanly and the next entry starts on a line of its own. Nothing is lost by cutting: an
 * entry is only acknowledged (its queue message deleted) after its whole line was synced.
 */
final class TornTail {

    private static final Logger LOG = LoggerFactory.getLogger(TornTail.class);

    private TornTail() {
    }

    /** Sets aside and removes an unfinished last line; returns the log's complete lines as bytes. */
    static byte[] repair(Path log) throws IOException {
        if (!Files.exists(log)) {
            return new byte[0];
        }
        byte[] bytes = Files.readAllBytes(log);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        if (end == bytes.length) {
            return bytes;
        }
        Path copy = log.resolveSibling(log.getFileName() + ".torn-" + System.currentTimeMillis());
        Files.write(copy, Arrays.copyOfRange(bytes, end, bytes.length), StandardOpenOption.CREATE_NEW);
        try (FileChannel channel = FileChannel.open(log, StandardOpenOption.WRITE)) {
            channel.truncate(end);
            channel.force(true);
        }
        LOG.warn("{}: an unfinished last line ({} bytes, cut by a crash) was removed; a copy is in {}",
                log, bytes.length - end, copy.getFileName());
        return Arrays.copyOf(bytes, end);
    }
}
