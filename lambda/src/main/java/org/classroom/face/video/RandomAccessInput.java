package org.classroom.face.video;

import java.io.IOException;
import java.util.Optional;

/** A video's bytes that can be read at any position without holding them all, e.g. an S3 object read by ranges. */
public interface RandomAccessInput {

    /** The length in bytes. */
    long size();

    /**
     * Reads up to {@code length} bytes starting at {@code position} into {@code buffer}.
     *
     * @return how many bytes were read (at least one), or -1 at the end
     */
    int read(long position, byte[] buffer, int offset, int length) throws IOException;

    /**
     * The fault that ended reading early, if any. FFmpeg takes a failed read for the end of the clip, so a
     * result made after one is of part of the clip only: the reader's owner checks this before trusting it.
     */
    default Optional<RuntimeException> failure() {
        return Optional.empty();
    }

    /** Bytes fetched from where the video lies so far, for the log; -1 when not counted. */
    default long bytesFetched() {
        return -1;
    }
}
