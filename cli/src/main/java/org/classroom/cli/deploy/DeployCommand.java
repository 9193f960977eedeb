package org.classroom.cli.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.classroom.cli.support.ConfigOptions;
import org.classroom.cli.support.UserError;
import org.classroom.common.config.ClassroomConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.classroom.common.format.Json;

/** {@code classroom deploy}: the AWS stack from installer/src/main/aws, through the AWS CLI. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        subcommands = {OpenStackHostCommand.class, RelayStackCommand.class},
        description = {"Deploys the system to a real AWS account: buckets, queues with dead-letter queues, the upload "
                + "notification, the student and results tables, the function (a container image pushed by "
                + "installer/src/main/lambda/build-and-push.sh) and least-privilege IAM.",
                "Prints the names and the IAM each part gets, makes a change set, shows it, and refuses to replace or "
                + "remove a bucket, table or queue without --yes.",
                "Then run `classroom provision --samples DIR` (same settings, no --endpoint) to load the students "
                + "and the gallery.",
                "The OpenStack side: `deploy openstack-host` (devstack on EC2), then `deploy relay` (the relay VM)."})
public final class DeployCommand implements Callable<Integer> {

    static final String TEMPLATE = org.classroom.localcloud.iam.StackTemplate.PATH;

    @Mixin
    ConfigOptions configOptions;

    // Not required in picocli's sense, which would demand it of the subcommands too; call() insists on it.
    @Option(names = "--image", paramLabel = "URI",
            description = "The function's container image in ECR (printed by build-and-push.sh); required.")
    String imageUri;

    @Option(names = "--stack-name", defaultValue = "classroom", paramLabel = "NAME",
            description = "CloudFormation stack name (default: ${DEFAULT-VALUE}).")
    String stackName;

    @Option(names = "--template", paramLabel = "FILE",
            description = "The CloudFormation template (default: " + TEMPLATE + " in the project).")
    Path template;

    @Option(names = "--dry-run", description = "Print the plan and the AWS CLI command instead of running it.")
    boolean dryRun;

    @Option(names = "--yes", description = "Go ahead even when the change set replaces or removes a bucket, table or "
            + "queue (their contents are lost).")
    boolean yes;

    @Spec
    CommandSpec spec;

    private static final Pattern CHANGE_SET = Pattern.compile("arn:aws[a-z-]*:cloudformation:\\S+:changeSet/\\S+");

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (imageUri == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--image=URI'");
        }
        ClassroomConfig config = configOptions.load();
        if (config.isLocal()) {
            throw new UserError("deploy is for a real AWS account; the local cloud is provisioned by "
                    + "`classroom serve` or `classroom provision`. Drop --endpoint / the endpoint setting.");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path file = templateFile();
        DeployPlan.print(file, stackName, config, out);
        StackDeployment deployment = new StackDeployment(file, stackName, imageUri, config);
        if (dryRun) {
            out.println(String.join(" ", deployment.command()));
            out.flush();
            return 0;
        }
        AwsCli aws = new AwsCli(config);
        out.println("deploy: making the change set...");
        out.flush();
        String made = aws.run(false, deployment.command()).text();
        Matcher changeSet = CHANGE_SET.matcher(made);
        if (!changeSet.find()) {
            if (made.contains("No changes to deploy")) {
                out.println("deploy: nothing to change; stack " + stackName + " is as the template says");
                out.flush();
                return 0;
            }
            throw new UserError("the AWS CLI made no change set that this command could find:\n" + made.strip());
        }
        String arn = changeSet.group();
        StackChanges changes = StackChanges.of(Json.mapper().readTree(
                aws.run("cloudformation", "describe-change-set", "--change-set-name", arn, "--output", "json").text()));
        out.println("deploy: the change set would:");
        changes.changes().forEach(change -> out.println("  " + change.describe()));
        List<StackChanges.Change> losing = changes.losingData();
        if (!losing.isEmpty() && !yes) {
            aws.run("cloudformation", "delete-change-set", "--change-set-name", arn);
            throw new UserError("refusing to replace or remove " + String.join(", ", losing.stream()
                    .map(StackChanges.Change::logicalId).toList()) + ": what they hold would be lost. Rerun with --yes to "
                    + "go ahead, or keep the old names (--set ...) to leave them as they are. The change set was deleted.");
        }
        aws.run("cloudformation", "execute-change-set", "--change-set-name", arn);
        out.println("deploy: executing; waiting for the stack...");
        out.flush();
        String status = awaitStack(aws, out);
        if (!status.endsWith("_COMPLETE") || status.contains("ROLLBACK")) {
            throw new UserError("stack " + stackName + " ended " + status + ": see its events with "
                    + "aws cloudformation describe-stack-events --stack-name " + stackName);
        }
        out.println("stack " + stackName + " is deployed (" + status + "); next: classroom provision --samples DIR");
        out.flush();
        return 0;
    }

    /** Polls the stack's status, printing each new one, until it is no longer in progress. */
    private String awaitStack(AwsCli aws, PrintWriter out) throws InterruptedException {
        String last = "";
        for (int polls = 0; polls < 720; polls++) {
            String status = aws.run("cloudformation", "describe-stacks", "--stack-name", stackName,
                    "--query", "Stacks[0].StackStatus", "--output", "text").text().strip();
            if (!status.equals(last)) {
                out.println("  " + status);
                out.flush();
                last = status;
            }
            if (!status.endsWith("_IN_PROGRESS")) {
                return status;
            }
            Thread.sleep(5000);
        }
        throw new UserError("stack " + stackName + " still in progress after an hour (" + last + ")");
    }

    private Path templateFile() {
        return ProjectFile.resolve(template, TEMPLATE, "CloudFormation template");
    }
}
