package org.classroom.cli.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.classroom.cli.support.ConfigOptions;
import org.classroom.cli.support.UserError;
import org.classroom.common.config.ClassroomConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code classroom deploy openstack-host}: the EC2 instance running devstack, from installer/src/main/aws/openstack-host.yaml. */
@Command(name = "openstack-host", mixinStandardHelpOptions = true,
        description = {"Creates or updates the AWS stack of the OpenStack host: an EC2 instance that installs devstack "
                + "(pinned release, generated passwords) on first boot, its operator-only security group and an Elastic IP.",
                "Waits until OpenStack answers (30 to 60 minutes on a new stack), then prints Horizon's address and how to "
                + "fetch the credentials. Nothing is changed when the stack already matches; replacing the instance or "
                + "its address (a new OpenStack, a new IP) needs --yes."})
public final class OpenStackHostCommand implements Callable<Integer> {

    /** Replacing these means a fresh devstack or a new address for every client. */
    static final Set<String> KEPT = Set.of("AWS::EC2::Instance", "AWS::EC2::EIP");

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--stack-name", defaultValue = "classroom-openstack", paramLabel = "NAME",
            description = "CloudFormation stack name (default: ${DEFAULT-VALUE}).")
    String stackName;

    @Option(names = "--template", paramLabel = "FILE",
            description = "The host template (default: " + HostStackDeployment.TEMPLATE + " in the project).")
    Path template;

    @Option(names = "--key-name", paramLabel = "NAME", description = "EC2 key pair for SSH (needed to create the stack).")
    String keyName;

    @Option(names = "--operator-cidr", paramLabel = "CIDR",
            description = "Your address range, the only one let in, e.g. 203.0.113.7/32 (needed to create the stack).")
    String operatorCidr;

    @Option(names = "--instance-type", paramLabel = "TYPE", description = "EC2 instance type (template default t3.xlarge).")
    String instanceType;

    @Option(names = "--devstack-branch", paramLabel = "BRANCH",
            description = "devstack release branch (template default stable/2025.1).")
    String devstackBranch;

    @Option(names = "--dry-run", description = "Print the AWS CLI command instead of running it.")
    boolean dryRun;

    @Option(names = "--yes", description = "Go ahead even when the change set replaces the instance or its Elastic IP.")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ClassroomConfig config = configOptions.load();
        if (config.isLocal()) {
            throw new UserError("deploy openstack-host is for a real AWS account; drop --endpoint / the endpoint setting.");
        }
        Progress progress = new Progress(spec.commandLine().getOut(), "deploy openstack-host", 4);
        HostStackDeployment deployment = new HostStackDeployment(templateFile(), stackName, parameters());
        if (dryRun) {
            progress.line(String.join(" ", deployment.command()));
            return 0;
        }
        CloudFormationStack stack = new CloudFormationStack(new AwsCli(config), stackName);

        progress.step("looking for stack " + stackName + " in " + config.region());
        Optional<String> status = stack.status();
        progress.detail(status.map(s -> "found (" + s + "): it will be updated").orElse("not there yet: it will be created"));
        if (status.isEmpty() && (keyName == null || operatorCidr == null)) {
            throw new UserError("a new host stack needs --key-name (an EC2 key pair) and --operator-cidr (your address/32)");
        }

        progress.step("making the change set from " + deployment.template());
        Optional<String> changeSet = stack.makeChangeSet(deployment.command());
        if (changeSet.isEmpty()) {
            progress.step("nothing to change: the stack is as the template and parameters say");
        } else {
            StackChanges changes = stack.changes(changeSet.get());
            changes.changes().forEach(change -> progress.detail(change.describe()));
            List<StackChanges.Change> replacing = changes.replacingOrRemoving(KEPT);
            if (!replacing.isEmpty() && !yes) {
                stack.discard(changeSet.get());
                throw new UserError("refusing to replace or remove " + String.join(", ", replacing.stream()
                        .map(StackChanges.Change::logicalId).toList()) + ": that means a new OpenStack (everything in it is "
                        + "lost) or a new address. Rerun with --yes to go ahead. The change set was deleted.");
            }
            progress.step("executing; devstack's first boot takes 30 to 60 minutes");
            stack.execute(changeSet.get());
            String ended = stack.await(progress, Duration.ofMinutes(140),
                    "stack.sh is running; follow it with ssh and tail -f /var/log/cloud-init-output.log");
            if (!ended.endsWith("_COMPLETE") || ended.contains("ROLLBACK")) {
                throw new UserError("stack " + stackName + " ended " + ended + ": see aws cloudformation describe-stack-events "
                        + "--stack-name " + stackName + " (HostReady carries the first boot's reason)");
            }
        }

        progress.step("OpenStack answers; where it is");
        stack.outputs().forEach((key, value) -> progress.detail(key + ": " + value));
        progress.line("next: fetch the credentials (CloudsYamlCommand above), then "
                + "`classroom deploy relay --os-cloud classroom-devstack --ssh-jump ubuntu@<this host's address> ...` "
                + "(the relay VM's floating IP is routed only on this host; its secrets go there over SSH)");
        return 0;
    }

    private Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        putIfGiven(parameters, "KeyName", keyName);
        putIfGiven(parameters, "OperatorCidr", Cidrs.operator(operatorCidr));
        putIfGiven(parameters, "InstanceType", instanceType);
        putIfGiven(parameters, "DevstackBranch", devstackBranch);
        return parameters;
    }

    private static void putIfGiven(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    private Path templateFile() {
        return ProjectFile.resolve(template, HostStackDeployment.TEMPLATE, "CloudFormation template");
    }
}
