package org.classroom.relay.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.classroom.common.format.Json;

/**
 * Which messages of a batch the function finished, read the way Lambda's own SQS trigger reads a
 * partial batch response: all of them, minus those listed in {@code batchItemFailures}. An empty
 * or {@code null} reply, or one without the list, is full success. A function error, a reply that
 * is not valid JSON, or a failure entry naming no message of the batch fails the whole batch.
 *
 * @param done             ids of the messages the function finished
 * @param wholeBatchFailed the batch failed as one (not item by item), so no message can be blamed
 * @param why              what failed the whole batch; null otherwise
 */
public record BatchOutcome(Set<String> done, boolean wholeBatchFailed, String why) {

    public static BatchOutcome of(List<String> messageIds, FunctionInvoker.FunctionReply reply) {
        if (reply.failed()) {
            return wholeBatch("function error " + reply.functionError());
        }
        String payload = reply.payload();
        if (payload == null || payload.isBlank()) {
            return allDone(messageIds);
        }
        JsonNode response;
        try {
            response = Json.mapper().readTree(payload);
        } catch (Exception e) {
            return wholeBatch("the reply is not valid JSON");
        }
        if (response == null || response.isNull()) {
            return allDone(messageIds);
        }
        if (!response.isObject()) {
            return wholeBatch("the reply is not a JSON object");
        }
        JsonNode failures = response.path("batchItemFailures");
        if (failures.isMissingNode() || failures.isNull()) {
            return allDone(messageIds);
        }
        if (!failures.isArray()) {
            return wholeBatch("batchItemFailures is not a list");
        }
        Set<String> done = new HashSet<>(messageIds);
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            if (!messageIds.contains(id)) {
                return wholeBatch("a batch item failure names no message of the batch");
            }
            done.remove(id);
        }
        return new BatchOutcome(Set.copyOf(done), false, null);
    }

    /** Just the finished ids. */
    public static Set<String> done(List<String> messageIds, FunctionInvoker.FunctionReply reply) {
        return of(messageIds, reply).done();
    }

    private static BatchOutcome allDone(List<String> messageIds) {
        return new BatchOutcome(Set.copyOf(messageIds), false, null);
    }

    private static BatchOutcome wholeBatch(String why) {
        return new BatchOutcome(Set.of(), true, why);
    }
}
