package org.classroom.installer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Finds the addresses that open a port to the whole internet, as defaults or as literal values. */
final class OpenCidrs {

    static final Set<String> WORLD = Set.of("0.0.0.0/0", "::/0");

    private OpenCidrs() {
    }

    /** Every string value under {@code root} that is an open CIDR, with the field it sits in. */
    static List<String> in(JsonNode root) {
        List<String> found = new ArrayList<>();
        walk(root, "", found);
        return found;
    }

    private static void walk(JsonNode node, String where, List<String> found) {
        if (node.isTextual() && WORLD.contains(node.asText().strip())) {
            found.add(where + " = " + node.asText());
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> walk(field.getValue(), where + "/" + field.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "[" + i + "]", found);
            }
        }
    }
}
