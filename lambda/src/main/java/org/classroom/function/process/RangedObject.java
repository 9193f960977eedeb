package org.classroom.function.process;

import java.io.IOException;
import java.util.Optional;
import org.classroom.common.events.ETags;
import org.classroom.face.video.RandomAccessInput;
import org.classroom.function.event.ObjectRef;
import org.classroom.function.runtime.Retrier;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One version of an S3 object, read by ranged GETs as FFmpeg asks for its bytes, so that a video of any
 * size is never copied to {@code /tmp} nor held whole in memory. The GETs go through the SDK rather than
 * FFmpeg's own https client reading a presigned URL (which this FFmpeg build has): the SDK checks S3's
 * certificate (FFmpeg does not by default), retries a failed range with the project's {@link Retrier}, and
 * lets a changed ETag be told from a read error, which FFmpeg reports alike.
 * <p>
 * It reads ahead in one window: small after a jump (FFmpeg seeks from key frame to key frame), doubling
 * while reading on, up to {@link #MAX_WINDOW}. Every GET asks for the claimed version (If-Match with its
 * ETag; the reply's ETag is checked too, for stores that ignore If-Match), so a replacement mid-read is
 * never decoded as one video. FFmpeg only sees that a read failed, and would end the clip there, so the
 * fault is kept for the caller: see {@link #failure()}. Not thread-safe (one clip, one decoder).
 */
public final class RangedObject implements RandomAccessInput {

    static final int FIRST_WINDOW = 256 * 1024;
    static final int MAX_WINDOW = 4 * 1024 * 1024;

    private final S3Client s3;
    private final ObjectRef ref;
    private final ObjectHead version;
    private final Retrier retrier;

    /** One buffer for the whole read, filled again at each GET: the only copy of the object's bytes held. */
    private byte[] window;
    private long windowStart = -1;
    private int windowLength;
    private int nextLength = FIRST_WINDOW;
    private long bytesFetched;
    private int requests;
    private RuntimeException failure;

    RangedObject(S3Client s3, ObjectRef ref, ObjectHead version, Retrier retrier) {
        this.s3 = s3;
        this.ref = ref;
        this.version = version;
        this.retrier = retrier;
    }

    @Override
    public long size() {
        return version.size();
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        if (position >= version.size()) {
            return -1;
        }
        if (position < windowStart || position >= windowStart + windowLength) {
            fill(position);
        }
        int from = (int) (position - windowStart);
        int count = Math.min(length, windowLength - from);
        System.arraycopy(window, from, buffer, offset, count);
        return count;
    }

    private void fill(long position) throws IOException {
        boolean onward = position == windowStart + windowLength;
        nextLength = onward ? Math.min(MAX_WINDOW, nextLength * 2) : FIRST_WINDOW;
        int length = (int) Math.min(version.size() - position, nextLength);
        if (window == null || window.length < length) {
            // A short clip may need no more than the first window; once it grows, the largest at once.
            window = new byte[window == null ? FIRST_WINDOW : MAX_WINDOW];
        }
        windowLength = 0;
        try {
            retrier.call(() -> fetch(position, length));
        } catch (RuntimeException e) {
            failure = e;
            throw new IOException("reading " + ref.key() + " at byte " + position + " failed: " + e.getMessage(), e);
        }
        windowStart = position;
        windowLength = length;
        bytesFetched += length;
        requests++;
    }

    /** Reads {@code length} bytes from {@code first} into the window; an attempt cut short is retried whole. */
    private Void fetch(long first, int length) throws IOException {
        try (ResponseInputStream<GetObjectResponse> reply = s3.getObject(request -> request.bucket(ref.bucket())
                .key(ref.key()).range("bytes=" + first + "-" + (first + length - 1)).ifMatch('"' + version.etag() + '"'))) {
            if (!version.etag().equals(ETags.normalise(reply.response().eTag()))) {
                throw new ObjectReplacedException(ref.key(), version.etag());
            }
            int read = reply.readNBytes(window, 0, length);
            if (read < length) {
                throw new IOException("the range ended after " + read + " of " + length + " bytes");
            }
            return null;
        } catch (S3Exception e) {
            if (e.statusCode() == 412 || e.statusCode() == 404) {
                throw new ObjectReplacedException(ref.key(), version.etag());
            }
            throw e;
        }
    }

    /** The fault that ended reading early, if any: the clip was not read whole, so no result may come of it. */
    @Override
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Bytes fetched from S3 so far. */
    @Override
    public long bytesFetched() {
        return bytesFetched;
    }

    /** Ranged GETs made so far. */
    public int requests() {
        return requests;
    }

    @Override
    public String toString() {
        return ref.key();
    }
}
