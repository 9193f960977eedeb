package org.classroom.face.video;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stream over a {@link RandomAccessInput} whose mark, reset and skip cost nothing. JavaCV's
 * {@code FFmpegFrameGrabber(InputStream)} seeks by {@code reset()} to the mark it set at the start and then
 * {@code skip()}, and finds the size by skipping to the end. A stream without mark support it wraps in a
 * {@code BufferedInputStream} marked for 2 GB, which keeps every byte read in memory; this one moves its
 * position instead and reads again from the input, so it holds nothing itself.
 */
final class SeekableInputStream extends InputStream {

    private final RandomAccessInput input;
    private final long size;
    private long position;
    private long mark;

    SeekableInputStream(RandomAccessInput input) {
        this.input = input;
        this.size = input.size();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        int read = input.read(position, buffer, offset, (int) Math.min(length, size - position));
        if (read > 0) {
            position += read;
        }
        return read;
    }

    @Override
    public long skip(long count) {
        long step = Math.max(0, Math.min(count, size - position));
        position += step;
        return step;
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public synchronized void mark(int readLimit) {
        mark = position;
    }

    @Override
    public synchronized void reset() {
        position = mark;
    }

    @Override
    public String toString() {
        return input.toString();
    }
}
