package org.classroom.cli.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The AWS CLI call that makes the change set for the devstack host's stack (installer/src/main/aws/openstack-host.yaml).
 * Only the parameters given are passed: on an update, CloudFormation keeps the others as they are.
 */
record HostStackDeployment(Path template, String stackName, Map<String, String> parameters) {

    static final String TEMPLATE = "installer/src/main/aws/openstack-host.yaml";

    List<String> command() {
        List<String> command = new ArrayList<>(List.of(
                "aws", "cloudformation", "deploy",
                "--template-file", template.toString(),
                "--stack-name", stackName,
                "--no-fail-on-empty-changeset",
                "--no-execute-changeset"));
        if (!parameters.isEmpty()) {
            command.add("--parameter-overrides");
            parameters.forEach((name, value) -> command.add(name + "=" + value));
        }
        return command;
    }
}
