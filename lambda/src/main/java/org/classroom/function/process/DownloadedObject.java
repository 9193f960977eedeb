package org.classroom.function.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An input object copied to a temporary file; closing it deletes the file. */
public final class DownloadedObject implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DownloadedObject.class);

    private final Path file;
    private final String etag;
    private final Map<String, String> metadata;

    DownloadedObject(Path file, String etag, Map<String, String> metadata) {
        this.file = file;
        this.etag = etag;
        this.metadata = Map.copyOf(metadata);
    }

    public Path file() {
        return file;
    }

    /** The ETag of the version actually read, without quotes. */
    public String etag() {
        return etag;
    }

    /** User metadata, keys in lower case without {@code x-amz-meta-}. */
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete the temporary file {}: {}", file, e.getMessage());
        }
    }
}
