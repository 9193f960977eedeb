package org.classroom.cli.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classroom.localcloud.iam.StackTemplate;
import org.classroom.common.config.ClassroomConfig;

/**
 * The AWS CLI call that makes the change set creating or updating the CloudFormation stack from the
 * project's template, without running it: {@code cloudformation deploy --no-execute-changeset} works out
 * create or update and "no changes" for us; {@code deploy} then reviews the change set before executing it.
 */
public record StackDeployment(Path template, String stackName, String imageUri, ClassroomConfig config) {

    public List<String> command() {
        List<String> command = new ArrayList<>(List.of(
                "aws", "cloudformation", "deploy",
                "--template-file", template.toString(),
                "--stack-name", stackName,
                "--region", config.region(),
                // The stack creates IAM roles and policies with generated names.
                "--capabilities", "CAPABILITY_IAM",
                "--no-fail-on-empty-changeset",
                "--no-execute-changeset",
                "--parameter-overrides",
                "FunctionImageUri=" + imageUri));
        StackTemplate.parameters(config).forEach((name, value) -> command.add(name + "=" + value));
        if (config.profile() != null && !config.profile().isBlank()) {
            command.add("--profile");
            command.add(config.profile());
        }
        return command;
    }
}
