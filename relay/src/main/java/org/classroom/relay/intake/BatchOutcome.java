package org.classroom.relay.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.classroom.common.format.Json;

/**
 * Which messages of a batch the function finished: all of them, minus those it listed in
 * {@code batchItemFailures} (Lambda's partial batch response). A failed invocation, or a failure
 * entry naming no known message, finishes none.
 */
public final class BatchOutcome {

    private BatchOutcome() {
    }

    public static Set<String> done(List<String> messageIds, FunctionInvoker.FunctionReply reply) {
        if (reply.failed()) {
            return Set.of();
        }
        Set<String> done = new HashSet<>(messageIds);
        JsonNode failures = failures(reply.payload());
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            if (!done.remove(id) && !messageIds.contains(id)) {
                // As Lambda does: an unusable failure report fails the whole batch.
                return Set.of();
            }
        }
        return done;
    }

    private static JsonNode failures(String payload) {
        if (payload == null || payload.isBlank()) {
            return Json.mapper().createArrayNode();
        }
        try {
            JsonNode node = Json.mapper().readTree(payload);
            return node != null && node.isObject() ? node.path("batchItemFailures")
                    : Json.mapper().createArrayNode();
        } catch (Exception e) {
            return Json.mapper().createArrayNode();
        }
    }
}
