package org.classroom.cli.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.classroom.common.format.Json;

/**
 * A Heat environment file holding the stack's parameters, readable by its owner only and deleted after use, so
 * they stay off command lines others can see. The relay's secrets are not among them: Heat would hand them to
 * the VM in user data, so they go over SSH instead ({@link RelayHostSsh}).
 */
final class HeatEnvironment implements AutoCloseable {

    private final Path file;

    HeatEnvironment(Map<String, String> parameters) throws IOException {
        file = Files.createTempFile("classroom-relay-env", ".yaml",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        ObjectNode environment = Json.mapper().createObjectNode();
        ObjectNode values = environment.putObject("parameters");
        parameters.forEach(values::put);
        // JSON is YAML: Heat reads it as an environment file.
        Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(environment));
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
