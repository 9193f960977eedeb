package org.classroom.desktop.logic.evidence;

import java.io.IOException;
import java.util.Optional;

/** Reads objects (face crops) from the evidence bucket. Blocking I/O: call it off the UI thread. */
public interface EvidenceReader extends AutoCloseable {

    /**
     * The object's bytes; empty when it is not there or not readable any more (an expired crop: S3
     * answers 404, or 403 when the reader may not list the bucket).
     */
    Optional<byte[]> read(String key) throws IOException;

    @Override
    void close();
}
