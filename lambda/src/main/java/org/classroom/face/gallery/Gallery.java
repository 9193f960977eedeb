package org.classroom.face.gallery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The known faces: for each person's name, one or more 128-number face encodings. Immutable; the
 * function builds a new one when the table changes.
 */
public final class Gallery {

    private final Map<String, List<double[]>> encodings;

    public Gallery(Map<String, List<double[]>> encodings) {
        Map<String, List<double[]>> copy = new LinkedHashMap<>();
        encodings.forEach((name, list) -> {
            List<double[]> checked = new ArrayList<>();
            for (double[] encoding : list) {
                if (encoding.length != 128) {
                    throw new IllegalArgumentException("gallery encoding of '" + name + "' has "
                            + encoding.length + " numbers, not 128");
                }
                checked.add(encoding.clone());
            }
            if (!checked.isEmpty()) {
                copy.put(name, Collections.unmodifiableList(checked));
            }
        });
        this.encodings = Collections.unmodifiableMap(copy);
    }

    public static Gallery empty() {
        return new Gallery(Map.of());
    }

    public Set<String> names() {
        return encodings.keySet();
    }

    public List<double[]> encodingsOf(String name) {
        return encodings.getOrDefault(name, List.of());
    }

    public Map<String, List<double[]>> asMap() {
        return encodings;
    }

    public int size() {
        return encodings.size();
    }

    public boolean isEmpty() {
        return encodings.isEmpty();
    }
}
