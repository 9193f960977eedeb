package org.classroom.face.gallery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * Reads the course's {@code encoding} file: a Python pickle of a dict with {@code name} (a list of
 * names) and {@code encoding} (a list of numpy float arrays of 128, the same order). A name may occur
 * more than once; each occurrence adds an encoding to that person.
 */
public final class PickleGalleryReader {

    private PickleGalleryReader() {
    }

    public static Gallery read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    public static Gallery read(InputStream in, String source) throws IOException {
        NumpyPickles.register();
        Object loaded;
        Unpickler unpickler = new Unpickler();
        try {
            loaded = unpickler.load(in);
        } catch (PickleException | IOException | IllegalArgumentException | ClassCastException e) {
            throw new GalleryFormatException(source + " is not a readable gallery pickle: " + e.getMessage(), e);
        } finally {
            unpickler.close();
        }
        if (!(loaded instanceof Map<?, ?> dict)) {
            throw new GalleryFormatException(source + " holds a " + typeOf(loaded)
                    + ", not a dict with 'name' and 'encoding'");
        }
        List<?> names = listOf(dict, "name", source);
        List<?> encodings = listOf(dict, "encoding", source);
        if (names.size() != encodings.size()) {
            throw new GalleryFormatException(source + " has " + names.size() + " names but "
                    + encodings.size() + " encodings");
        }
        Map<String, List<double[]>> people = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            double[] encoding = toEncoding(encodings.get(i), String.valueOf(names.get(i)), source);
            people.computeIfAbsent(String.valueOf(names.get(i)), name -> new ArrayList<>()).add(encoding);
        }
        return new Gallery(people);
    }

    private static double[] toEncoding(Object value, String name, String source) throws GalleryFormatException {
        double[] encoding;
        try {
            if (value instanceof NumpyPickles.NumpyArray array) {
                encoding = array.toDoubles();
            } else if (value instanceof List<?> list) {
                encoding = list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
            } else {
                throw new GalleryFormatException(source + ": the encoding of '" + name + "' is a "
                        + typeOf(value) + ", not an array of numbers");
            }
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new GalleryFormatException(source + ": the encoding of '" + name + "': " + e.getMessage(), e);
        }
        if (encoding.length != 128) {
            throw new GalleryFormatException(source + ": the encoding of '" + name + "' has "
                    + encoding.length + " numbers, not 128");
        }
        return encoding;
    }

    private static List<?> listOf(Map<?, ?> dict, String key, String source) throws GalleryFormatException {
        Object value = dict.get(key);
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof Object[] tuple) {
            return List.of(tuple);
        }
        throw new GalleryFormatException(source + " has no '" + key + "' list (keys: " + dict.keySet() + ")");
    }

    private static String typeOf(Object value) {
        return value == null ? "None" : value.getClass().getSimpleName();
    }
}
