package org.classroom.face.gallery;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Unpickler;

/**
 * Just enough of numpy's pickle protocol to read float arrays: {@code _reconstruct(ndarray, ...)}
 * makes an empty array, then {@code BUILD} hands it {@code (version, shape, dtype, fortran, raw bytes)};
 * {@code dtype('f8', ...)} is built the same way with its byte order in its state. No numpy code runs.
 */
final class NumpyPickles {

    private static boolean registered;

    private NumpyPickles() {
    }

    /** Registers the constructors with razorvine's (JVM-wide) unpickler table, once. */
    static synchronized void register() {
        if (registered) {
            return;
        }
        IObjectConstructor reconstruct = args -> new NumpyArray();
        IObjectConstructor dtype = args -> new NumpyDtype(String.valueOf(args[0]));
        for (String module : new String[] {"numpy.core.multiarray", "numpy._core.multiarray"}) {
            Unpickler.registerConstructor(module, "_reconstruct", reconstruct);
        }
        Unpickler.registerConstructor("numpy", "dtype", dtype);
        registered = true;
    }

    /** numpy's dtype: kind and size from its name ("f8"), byte order from its state ("<", ">", "|", "="). */
    public static final class NumpyDtype {

        private final String name;
        private String byteOrder = "<";

        NumpyDtype(String name) {
            this.name = name;
        }

        /** Called by the unpickler's BUILD with {@code (version, byteorder, ...)}. */
        public void __setstate__(Object[] state) {
            if (state.length > 1 && state[1] instanceof String order) {
                byteOrder = order;
            }
        }

        ByteOrder order() {
            return ">".equals(byteOrder) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        }

        String name() {
            return name;
        }
    }

    /** A numpy array as pickled: its shape, dtype and raw data. */
    public static final class NumpyArray {

        private int[] shape = new int[0];
        private NumpyDtype dtype;
        private byte[] data = new byte[0];

        /** Called by the unpickler's BUILD with {@code (version, shape, dtype, is_fortran, raw data)}. */
        public void __setstate__(Object[] state) {
            if (state.length < 5) {
                throw new IllegalArgumentException("numpy array state has " + state.length + " parts, not 5");
            }
            Object[] dimensions = (Object[]) state[1];
            shape = Arrays.stream(dimensions).mapToInt(d -> ((Number) d).intValue()).toArray();
            dtype = (NumpyDtype) state[2];
            Object raw = state[4];
            if (raw instanceof byte[] bytes) {
                data = bytes;
            } else if (raw instanceof String latin1) {
                // Protocol 2 pickles of Python 2 numpy store the buffer as a latin-1 string.
                data = latin1.getBytes(StandardCharsets.ISO_8859_1);
            } else {
                throw new IllegalArgumentException("numpy array data is a " + raw.getClass().getSimpleName()
                        + ", not bytes (object arrays are not supported)");
            }
        }

        int[] shape() {
            return shape.clone();
        }

        /** The values as doubles, whatever float type they were stored as. */
        double[] toDoubles() {
            if (dtype == null) {
                throw new IllegalArgumentException("numpy array without a dtype");
            }
            ByteBuffer buffer = ByteBuffer.wrap(data).order(dtype.order());
            String kind = dtype.name().replaceAll("^[<>|=]", "");
            switch (kind) {
                case "f8": {
                    double[] values = new double[data.length / 8];
                    buffer.asDoubleBuffer().get(values);
                    return values;
                }
                case "f4": {
                    float[] floats = new float[data.length / 4];
                    buffer.asFloatBuffer().get(floats);
                    double[] values = new double[floats.length];
                    for (int i = 0; i < floats.length; i++) {
                        values[i] = floats[i];
                    }
                    return values;
                }
                default:
                    throw new IllegalArgumentException("numpy arrays of " + dtype.name()
                            + " are not face encodings (expected float64 or float32)");
            }
        }
    }
}
