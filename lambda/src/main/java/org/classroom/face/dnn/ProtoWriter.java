package org.classroom.face.dnn;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the protocol-buffers wire format to write an ONNX model: varints, 32-bit floats,
 * strings, bytes and nested messages. Avoids generated ONNX classes and a protobuf dependency.
 *
 * <p>A message is kept as a list of chunks, and nesting one message in another links its chunks rather
 * than copying them, so the tens of megabytes of weights are copied once, when the model is assembled.
 * Byte arrays handed to {@link #bytes} are kept, not copied: do not change them afterwards.
 */
final class ProtoWriter {

    private static final int VARINT = 0;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private final List<byte[]> chunks = new ArrayList<>();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long flushedSize;

    ProtoWriter int64(int field, long value) {
        tag(field, VARINT);
        varint(value);
        return this;
    }

    ProtoWriter float32(int field, float value) {
        tag(field, FIXED32);
        int bits = Float.floatToIntBits(value);
        for (int i = 0; i < 4; i++) {
            pending.write(bits >>> (8 * i));
        }
        return this;
    }

    ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        varint(value.length);
        append(value);
        return this;
    }

    ProtoWriter message(int field, ProtoWriter message) {
        tag(field, LENGTH_DELIMITED);
        varint(message.size());
        message.flush();
        flush();
        chunks.addAll(message.chunks);
        flushedSize += message.flushedSize;
        return this;
    }

    long size() {
        return flushedSize + pending.size();
    }

    byte[] toByteArray() {
        flush();
        if (flushedSize > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("message too large: " + flushedSize + " bytes");
        }
        byte[] all = new byte[(int) flushedSize];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, all, at, chunk.length);
            at += chunk.length;
        }
        return all;
    }

    private void append(byte[] value) {
        if (value.length < 64) {
            pending.writeBytes(value);
        } else {
            flush();
            chunks.add(value);
            flushedSize += value.length;
        }
    }

    private void flush() {
        if (pending.size() > 0) {
            chunks.add(pending.toByteArray());
            flushedSize += pending.size();
            pending.reset();
        }
    }

    private void tag(int field, int wireType) {
        varint(((long) field << 3) | wireType);
    }

    private void varint(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            pending.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        pending.write((int) v);
    }
}
