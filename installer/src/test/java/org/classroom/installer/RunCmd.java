package org.classroom.installer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * cloud-init's runcmd list as the shell script cloud-init itself makes of it (one line per entry, no
 * {@code set -e}: a failing entry does not stop the next), so shellcheck can read it and a test can run it.
 */
final class RunCmd {

    private RunCmd() {
    }

    static String asScript(JsonNode runcmd) {
        StringBuilder script = new StringBuilder("#!/bin/sh\n");
        for (JsonNode command : runcmd) {
            script.append(line(command)).append('\n');
        }
        return script.toString();
    }

    /** A list is an argument vector (an `sh -c` one is its script); a string is a shell line already. */
    private static String line(JsonNode command) {
        if (!command.isArray()) {
            return command.asText();
        }
        if (command.size() == 3 && command.get(1).asText().equals("-c") && command.get(0).asText().matches("(ba)?sh")) {
            return command.get(2).asText();
        }
        List<String> words = new ArrayList<>();
        command.forEach(word -> words.add("'" + word.asText().replace("'", "'\\''") + "'"));
        return String.join(" ", words);
    }
}
