package org.classroom.localcloud.iam;

import java.util.List;

/**
 * One IAM policy statement, resolved: Allow or Deny, the actions and the resource ARNs it names (each may
 * hold the {@code *} and {@code ?} wildcards). Conditions are not kept: the template's policies for the
 * parts have none (the S3-to-SQS queue policy, which has, is not a principal's).
 */
public record Statement(boolean allow, List<String> actions, List<String> resources) {

    public Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
    }

    boolean covers(String action, String resource) {
        return actions.stream().anyMatch(pattern -> Wildcards.matches(pattern, action, true))
                && resources.stream().anyMatch(pattern -> Wildcards.matches(pattern, resource, false));
    }
}
