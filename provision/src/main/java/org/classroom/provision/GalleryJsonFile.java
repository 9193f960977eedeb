package org.classroom.provision;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classroom.common.format.Json;
import org.classroom.common.students.StudentTable;

/**
 * Reads a gallery in JSON: {@code {"names": [...], "encodings": [[128 numbers], ...]}}, the course's
 * {@code encoding} pickle in JSON form. A name may appear more than once (several encodings).
 */
public final class GalleryJsonFile {

    private GalleryJsonFile() {
    }

    public static Map<String, List<double[]>> read(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("gallery file not found: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("gallery file " + file + " is not valid JSON: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        JsonNode names = root == null ? null : root.get("names");
        JsonNode encodings = root == null ? null : root.get("encodings");
        if (names == null || !names.isArray() || encodings == null || !encodings.isArray()) {
            throw new IllegalArgumentException("gallery file " + file + " must hold {\"names\": [...], \"encodings\": [[...], ...]}");
        }
        if (names.size() != encodings.size()) {
            throw new IllegalArgumentException("gallery file " + file + " has " + names.size() + " names but "
                    + encodings.size() + " encodings");
        }
        Map<String, List<double[]>> gallery = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            JsonNode encoding = encodings.get(i);
            if (!encoding.isArray() || encoding.size() != StudentTable.ENCODING_LENGTH) {
                throw new IllegalArgumentException("gallery file " + file + ", encoding " + i + " must be "
                        + StudentTable.ENCODING_LENGTH + " numbers");
            }
            double[] values = new double[encoding.size()];
            for (int j = 0; j < values.length; j++) {
                if (!encoding.get(j).isNumber()) {
                    throw new IllegalArgumentException("gallery file " + file + ", encoding " + i + " holds a non-number");
                }
                values[j] = encoding.get(j).asDouble();
            }
            gallery.computeIfAbsent(names.get(i).asText(), name -> new ArrayList<>()).add(values);
        }
        return gallery;
    }
}
