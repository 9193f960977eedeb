package org.classroom.relay.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes a folder's entries durable. A rename is an entry in the folder, not in the file: until the
 * folder itself is synced, a power cut can bring back the old file (or none) even though the new
 * content was synced.
 */
@FunctionalInterface
interface FolderSync {

    void sync(Path folder) throws IOException;

    /** fsync on the folder, as Linux allows; systems that cannot open a folder for it skip it. */
    FolderSync FSYNC = folder -> {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException notOnThisSystem) {
            // Windows cannot open a directory as a channel; NTFS journals renames itself.
        }
    };
}
