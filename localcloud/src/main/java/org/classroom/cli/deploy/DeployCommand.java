package org.classroom.cli.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.classroom.cli.ConfigOptions;
import org.classroom.cli.UserError;
import org.classroom.common.config.ClassroomConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code classroom deploy}: the AWS stack from installer/src/main/aws, through the AWS CLI. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploys the system to a real AWS account: buckets, queues with dead-letter queues, the upload "
                + "notification, the student table, the function (a container image pushed by "
                + "installer/src/main/lambda/build-and-push.sh) and least-privilege IAM.",
                "Then run `classroom provision --samples DIR` (same settings, no --endpoint) to load the students "
                + "and the gallery."})
public final class DeployCommand implements Callable<Integer> {

    static final String TEMPLATE = org.classroom.localcloud.iam.StackTemplate.PATH;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--image", required = true, paramLabel = "URI",
            description = "The function's container image in ECR (printed by build-and-push.sh).")
    String imageUri;

    @Option(names = "--stack-name", defaultValue = "classroom", paramLabel = "NAME",
            description = "CloudFormation stack name (default: ${DEFAULT-VALUE}).")
    String stackName;

    @Option(names = "--template", paramLabel = "FILE",
            description = "The CloudFormation template (default: " + TEMPLATE + " in the project).")
    Path template;

    @Option(names = "--dry-run", description = "Print the AWS CLI command instead of running it.")
    boolean dryRun;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ClassroomConfig config = configOptions.load();
        if (config.isLocal()) {
            throw new UserError("deploy is for a real AWS account; the local cloud is provisioned by "
                    + "`classroom serve` or `classroom provision`. Drop --endpoint / the endpoint setting.");
        }
        StackDeployment deployment = new StackDeployment(templateFile(), stackName, imageUri, config);
        if (dryRun) {
            System.out.println(String.join(" ", deployment.command()));
            return 0;
        }
        Process process;
        try {
            process = new ProcessBuilder(deployment.command()).inheritIO().start();
        } catch (IOException e) {
            throw new UserError("the AWS CLI (`aws`) is needed to deploy: " + e.getMessage());
        }
        int exitCode = process.waitFor();
        if (exitCode != 0) {
            throw new UserError("aws cloudformation deploy failed (exit " + exitCode + "); see its output above.", exitCode);
        }
        System.out.println("stack " + stackName + " is deployed; next: classroom provision --samples DIR");
        return 0;
    }

    private Path templateFile() {
        Path file = template != null ? template
                : Path.of(System.getProperty("classroom.home", ".")).resolve(TEMPLATE);
        if (!Files.isRegularFile(file)) {
            throw new UserError("no CloudFormation template at " + file + "; give --template FILE");
        }
        return file.toAbsolutePath();
    }
}
