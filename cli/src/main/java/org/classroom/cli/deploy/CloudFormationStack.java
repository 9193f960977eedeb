package org.classroom.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classroom.cli.support.UserError;
import org.classroom.common.format.Json;

/** One CloudFormation stack through the AWS CLI: whether it exists, change sets, waiting, outputs. */
final class CloudFormationStack {

    private static final Pattern CHANGE_SET = Pattern.compile("arn:aws[a-z-]*:cloudformation:\\S+:changeSet/\\S+");
    private static final Duration POLL = Duration.ofSeconds(15);

    private final AwsCli aws;
    private final String name;

    CloudFormationStack(AwsCli aws, String name) {
        this.aws = aws;
        this.name = name;
    }

    /** The stack's status, or empty when there is no such stack. */
    Optional<String> status() throws InterruptedException {
        AwsCli.Output output = aws.run(true, List.of("cloudformation", "describe-stacks", "--stack-name", name,
                "--query", "Stacks[0].StackStatus", "--output", "text"));
        if (output.exitCode() != 0) {
            if (output.text().contains("does not exist")) {
                return Optional.empty();
            }
            throw new UserError("aws cloudformation describe-stacks failed:\n" + output.text().strip());
        }
        return Optional.of(output.text().strip());
    }

    /**
     * Runs {@code cloudformation deploy --no-execute-changeset} and returns the change set's ARN, or empty
     * when the template and parameters are what the stack already has.
     */
    Optional<String> makeChangeSet(List<String> deployCommand) throws InterruptedException {
        String made = aws.run(false, deployCommand).text();
        Matcher changeSet = CHANGE_SET.matcher(made);
        if (changeSet.find()) {
            return Optional.of(changeSet.group());
        }
        if (made.contains("No changes to deploy")) {
            return Optional.empty();
        }
        throw new UserError("the AWS CLI made no change set that this command could find:\n" + made.strip());
    }

    StackChanges changes(String changeSet) throws InterruptedException, IOException {
        return StackChanges.of(Json.mapper().readTree(aws.run("cloudformation", "describe-change-set",
                "--change-set-name", changeSet, "--output", "json").text()));
    }

    void discard(String changeSet) throws InterruptedException {
        aws.run("cloudformation", "delete-change-set", "--change-set-name", changeSet);
    }

    void execute(String changeSet) throws InterruptedException {
        aws.run("cloudformation", "execute-change-set", "--change-set-name", changeSet);
    }

    /** Polls until the stack is no longer in progress; prints each new status, and the time every few minutes. */
    String await(Progress progress, Duration limit, String hint) throws InterruptedException {
        long started = System.nanoTime();
        String last = "";
        long lastNote = 0;
        while (true) {
            String status = status().orElseThrow(() -> new UserError("stack " + name + " disappeared"));
            long minutes = Duration.ofNanos(System.nanoTime() - started).toMinutes();
            if (!status.equals(last)) {
                progress.detail(status);
                last = status;
            } else if (minutes >= lastNote + 5) {
                progress.detail(status + " (" + minutes + " min; " + hint + ")");
                lastNote = minutes;
            }
            if (!status.endsWith("_IN_PROGRESS")) {
                return status;
            }
            if (Duration.ofNanos(System.nanoTime() - started).compareTo(limit) > 0) {
                throw new UserError("stack " + name + " still " + status + " after " + limit.toMinutes() + " min");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The stack's outputs, by key, in the template's order. */
    Map<String, String> outputs() throws InterruptedException, IOException {
        JsonNode outputs = Json.mapper().readTree(aws.run("cloudformation", "describe-stacks", "--stack-name", name,
                "--query", "Stacks[0].Outputs", "--output", "json").text());
        Map<String, String> byKey = new LinkedHashMap<>();
        outputs.forEach(output -> byKey.put(output.path("OutputKey").asText(), output.path("OutputValue").asText()));
        return byKey;
    }
}
