package org.classroom.common.students;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.classroom.common.format.Json;
import org.classroom.common.model.Student;

/** Reads a {@code student_data.json}-style file: a JSON array of {@code {id, name, major, year}}. */
public final class StudentFile {

    private StudentFile() {
    }

    public static List<Student> read(Path file) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("students file not found: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("students file " + file + " is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("students file " + file + " must hold a JSON array of {id, name, major, year}");
        }
        List<Student> students = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode node : root) {
            String where = "students file " + file + ", entry " + index++;
            JsonNode name = node.get("name");
            if (name == null || !name.isTextual() || name.asText().isBlank()) {
                throw new IllegalArgumentException(where + ": needs a \"name\"");
            }
            JsonNode id = node.get("id");
            if (id != null && !id.isNull() && !id.canConvertToInt()) {
                throw new IllegalArgumentException(where + ": \"id\" must be a whole number");
            }
            if (!names.add(name.asText())) {
                throw new IllegalArgumentException(where + ": the name \"" + name.asText() + "\" appears twice");
            }
            students.add(new Student(name.asText(),
                    id == null || id.isNull() ? null : id.asInt(),
                    textOrNull(node.get("major")),
                    textOrNull(node.get("year"))));
        }
        return students;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
