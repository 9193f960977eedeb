package org.classroom.face.gallery;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.classroom.common.files.AtomicFiles;
import org.classroom.common.format.Json;

/**
 * The project's own gallery file, in the shape of the course's {@code encoding.json}:
 * {@code {"names": [...], "encodings": [[128 numbers], ...]}}, one name per encoding, so a person
 * with several encodings appears several times.
 */
public final class JsonGallery {

    private JsonGallery() {
    }

    public static Gallery read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    public static Gallery read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = Json.mapper().readTree(in);
        } catch (JacksonException e) {
            throw new GalleryFormatException(source + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.path("names").isArray() || !root.path("encodings").isArray()) {
            throw new GalleryFormatException(source + " is not a gallery: expected {\"names\": [...], \"encodings\": [[...]]}");
        }
        JsonNode names = root.get("names");
        JsonNode encodings = root.get("encodings");
        if (names.size() != encodings.size()) {
            throw new GalleryFormatException(source + " has " + names.size() + " names but "
                    + encodings.size() + " encodings");
        }
        Map<String, List<double[]>> people = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).asText();
            JsonNode numbers = encodings.get(i);
            if (name.isBlank() || !numbers.isArray() || numbers.size() != 128) {
                throw new GalleryFormatException(source + ": entry " + i + " ('" + name
                        + "') needs a name and 128 numbers");
            }
            double[] encoding = new double[128];
            for (int j = 0; j < 128; j++) {
                if (!numbers.get(j).isNumber()) {
                    throw new GalleryFormatException(source + ": entry " + i + " ('" + name + "') has a non-number");
                }
                encoding[j] = numbers.get(j).doubleValue();
            }
            people.computeIfAbsent(name, n -> new ArrayList<>()).add(encoding);
        }
        return new Gallery(people);
    }

    public static String toJson(Gallery gallery) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode names = root.putArray("names");
        ArrayNode encodings = root.putArray("encodings");
        gallery.asMap().forEach((name, list) -> {
            for (double[] encoding : list) {
                names.add(name);
                ArrayNode numbers = encodings.addArray();
                for (double value : encoding) {
                    numbers.add(value);
                }
            }
        });
        return Json.write(root);
    }

    /** Writes the file whole or not at all (temp file, then rename). */
    public static void write(Gallery gallery, Path file) throws IOException {
        AtomicFiles.write(file, (toJson(gallery) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
