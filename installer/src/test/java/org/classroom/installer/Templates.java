package org.classroom.installer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reads the installer's templates as trees and walks them. */
final class Templates {

    static final Path SOURCES = Path.of("src/main");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Templates() {
    }

    static JsonNode yaml(String relativePath) {
        try {
            return YAML.readTree(SOURCES.resolve(relativePath).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String relativePath) {
        try {
            return Files.readString(SOURCES.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every object node under {@code root}, depth first. */
    static void forEachObject(JsonNode root, Consumer<JsonNode> visitor) {
        if (root.isObject()) {
            visitor.accept(root);
        }
        root.elements().forEachRemaining(child -> forEachObject(child, visitor));
    }

    /** Names of the resources of one type. */
    static List<String> resourcesOfType(JsonNode resources, String type) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) resources::fields) {
            if (type.equals(entry.getValue().path("Type").asText(entry.getValue().path("type").asText()))) {
                names.add(entry.getKey());
            }
        }
        return names;
    }

    /** A node that may be one string or a list of strings, as a list. */
    static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
