package org.classroom.face.video;

import java.io.IOException;

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
}
