package org.classroom.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a CloudFormation change set would do, read from {@code describe-change-set}: one line per resource,
 * and which of them hold data that a replacement or removal would lose.
 */
public record StackChanges(List<Change> changes) {

    /** Resource types whose contents a replacement destroys: recordings, results, students, messages. */
    static final Set<String> STATEFUL = Set.of("AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::SQS::Queue");

    /** One resource change: Add, Modify or Remove, and for Modify whether CloudFormation replaces it. */
    public record Change(String action, String logicalId, String type, String replacement) {

        boolean losesData() {
            return replacesOrRemoves(STATEFUL);
        }

        /** Whether this removes, or may replace, a resource of one of {@code types}. */
        boolean replacesOrRemoves(Set<String> types) {
            return types.contains(type) && ("Remove".equals(action)
                    || "True".equalsIgnoreCase(replacement) || "Conditional".equalsIgnoreCase(replacement));
        }

        String describe() {
            String how = "Modify".equals(action) && replacement != null && !"False".equalsIgnoreCase(replacement)
                    ? " (replacement: " + replacement + ")" : "";
            return action + " " + logicalId + " (" + type + ")" + how;
        }
    }

    public static StackChanges of(JsonNode describeChangeSet) {
        List<Change> changes = new ArrayList<>();
        describeChangeSet.path("Changes").forEach(change -> {
            JsonNode resource = change.path("ResourceChange");
            changes.add(new Change(resource.path("Action").asText(), resource.path("LogicalResourceId").asText(),
                    resource.path("ResourceType").asText(), resource.path("Replacement").asText(null)));
        });
        return new StackChanges(changes);
    }

    public List<Change> losingData() {
        return changes.stream().filter(Change::losesData).toList();
    }

    /** The changes that remove or replace a resource of one of {@code types}. */
    public List<Change> replacingOrRemoving(Set<String> types) {
        return changes.stream().filter(change -> change.replacesOrRemoves(types)).toList();
    }
}
