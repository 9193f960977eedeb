package org.classroom.face.gallery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classroom.common.files.AtomicFiles;

/**
 * Writes a gallery in the course's {@code encoding} form, so the course's own Python code can load it:
 * a protocol-3 pickle of {@code {"name": [...], "encoding": [numpy float64 arrays of 128]}}, one name
 * per encoding. The arrays are spelled the way numpy pickles them ({@code _reconstruct} then
 * {@code BUILD} with shape, dtype and raw little-endian bytes), written opcode by opcode.
 */
public final class PickleGalleryWriter {

    private static final int PROTO = 0x80;
    private static final int EMPTY_DICT = '}';
    private static final int EMPTY_LIST = ']';
    private static final int MARK = '(';
    private static final int APPENDS = 'e';
    private static final int SETITEMS = 'u';
    private static final int BINUNICODE = 'X';
    private static final int GLOBAL = 'c';
    private static final int BININT1 = 'K';
    private static final int BININT = 'J';
    private static final int TUPLE = 't';
    private static final int TUPLE1 = 0x85;
    private static final int TUPLE3 = 0x87;
    private static final int REDUCE = 'R';
    private static final int BUILD = 'b';
    private static final int NEWTRUE = 0x88;
    private static final int NEWFALSE = 0x89;
    private static final int NONE = 'N';
    private static final int SHORT_BINBYTES = 'C';
    private static final int BINBYTES = 'B';
    private static final int STOP = '.';

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private PickleGalleryWriter() {
    }

    public static byte[] toBytes(Gallery gallery) {
        List<String> names = new ArrayList<>();
        List<double[]> encodings = new ArrayList<>();
        gallery.asMap().forEach((name, list) -> list.forEach(encoding -> {
            names.add(name);
            encodings.add(encoding);
        }));
        PickleGalleryWriter writer = new PickleGalleryWriter();
        writer.op(PROTO).op(3).op(EMPTY_DICT).op(MARK);
        writer.unicode("name").op(EMPTY_LIST).op(MARK);
        names.forEach(writer::unicode);
        writer.op(APPENDS);
        writer.unicode("encoding").op(EMPTY_LIST).op(MARK);
        encodings.forEach(writer::array);
        writer.op(APPENDS).op(SETITEMS).op(STOP);
        return writer.out.toByteArray();
    }

    /** Writes the file whole or not at all (temp file, then rename). */
    public static void write(Gallery gallery, Path file) throws IOException {
        AtomicFiles.write(file, toBytes(gallery));
    }

    /** {@code _reconstruct(ndarray, (0,), b'b')} then BUILD {@code (1, (n,), dtype('f8'), False, data)}. */
    private void array(double[] values) {
        global("numpy.core.multiarray", "_reconstruct");
        global("numpy", "ndarray");
        smallInt(0).op(TUPLE1);
        op(SHORT_BINBYTES).op(1).op('b');
        op(TUPLE3).op(REDUCE);
        op(MARK);
        smallInt(1);
        smallInt(values.length).op(TUPLE1);
        dtypeFloat64();
        op(NEWFALSE);
        ByteBuffer data = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            data.putDouble(value);
        }
        op(BINBYTES).int32(data.capacity()).bytes(data.array());
        op(TUPLE).op(BUILD);
    }

    /** {@code dtype('f8', False, True)} then BUILD {@code (3, '<', None, None, None, -1, -1, 0)}. */
    private void dtypeFloat64() {
        global("numpy", "dtype");
        unicode("f8");
        op(NEWFALSE).op(NEWTRUE).op(TUPLE3).op(REDUCE);
        op(MARK);
        smallInt(3);
        unicode("<");
        op(NONE).op(NONE).op(NONE);
        op(BININT).int32(-1);
        op(BININT).int32(-1);
        smallInt(0);
        op(TUPLE).op(BUILD);
    }

    private PickleGalleryWriter global(String module, String name) {
        op(GLOBAL);
        return bytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private PickleGalleryWriter unicode(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return op(BINUNICODE).int32(utf8.length).bytes(utf8);
    }

    private PickleGalleryWriter smallInt(int value) {
        if (value < 0 || value > 255) {
            return op(BININT).int32(value);
        }
        return op(BININT1).op(value);
    }

    private PickleGalleryWriter int32(int value) {
        return bytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }

    private PickleGalleryWriter op(int value) {
        out.write(value);
        return this;
    }

    private PickleGalleryWriter bytes(byte[] value) {
        out.writeBytes(value);
        return this;
    }
}
