package org.classroom.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code classroom deploy} as a process, with a stand-in {@code aws} first on the PATH (no account is
 * reachable from here): it shows the plan and the IAM, reviews the change set, and refuses to lose data.
 */
class DeployCommandTest {

    @TempDir
    Path folder;

    @BeforeEach
    void fakeAws() throws IOException {
        Path bin = Files.createDirectories(folder.resolve("bin"));
        try (InputStream script = getClass().getResourceAsStream("fake-aws.sh")) {
            Files.copy(script, bin.resolve("aws"));
        }
        Files.setPosixFilePermissions(bin.resolve("aws"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void printsTheNamesAndTheIamOfEachPartThenRunsAChangeSetThatKeepsTheData() throws Exception {
        changeSet("""
                {"Changes": [
                  {"ResourceChange": {"Action": "Add", "LogicalResourceId": "ResultsTable", "ResourceType": "AWS::DynamoDB::Table"}},
                  {"ResourceChange": {"Action": "Modify", "LogicalResourceId": "FunctionRole", "ResourceType": "AWS::IAM::Role",
                                      "Replacement": "False"}}]}""");

        Run run = deploy();

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("ResultsTableName = classroom-results",
                "function (FunctionRole):", "allow s3:GetObject on arn:aws:s3:::classroom-input/*",
                "allow s3:ListBucket on arn:aws:s3:::classroom-input",
                "relay (RelayPolicy):", "allow lambda:InvokeFunction on arn:aws:lambda:us-east-1:<account>:function:classroom-recognise",
                "desktop (DesktopPolicy):",
                "Add ResultsTable (AWS::DynamoDB::Table)", "UPDATE_COMPLETE", "next: classroom provision");
        assertThat(calls()).anyMatch(call -> call.startsWith("cloudformation deploy") && call.contains("--no-execute-changeset"))
                .anyMatch(call -> call.startsWith("cloudformation execute-change-set"));
    }

    @Test
    void refusesToReplaceATableWithoutYesAndDeletesTheChangeSet() throws Exception {
        changeSet("""
                {"Changes": [
                  {"ResourceChange": {"Action": "Modify", "LogicalResourceId": "StudentTable", "ResourceType": "AWS::DynamoDB::Table",
                                      "Replacement": "True"}},
                  {"ResourceChange": {"Action": "Remove", "LogicalResourceId": "OutputBucket", "ResourceType": "AWS::S3::Bucket"}}]}""");

        Run refused = deploy();

        assertThat(refused.exit()).isNotZero();
        assertThat(refused.out()).contains("Modify StudentTable (AWS::DynamoDB::Table) (replacement: True)",
                "refusing to replace or remove StudentTable, OutputBucket", "--yes");
        assertThat(calls()).anyMatch(call -> call.startsWith("cloudformation delete-change-set"))
                .noneMatch(call -> call.startsWith("cloudformation execute-change-set"));

        Run accepted = deploy("--yes");

        assertThat(accepted.exit()).as(accepted.out()).isZero();
        assertThat(calls()).anyMatch(call -> call.startsWith("cloudformation execute-change-set"));
    }

    private record Run(int exit, String out) {
    }

    private Run deploy(String... extra) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                "-Dclassroom.home=" + Path.of("..").toAbsolutePath().normalize(),
                "org.classroom.cli.Main", "deploy", "--image", "123456789012.dkr.ecr.us-east-1.amazonaws.com/classroom:1"));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", folder.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("FAKE_AWS_DIR", folder.toString());
        builder.environment().put("XDG_CONFIG_HOME", folder.resolve("config").toString());
        builder.environment().keySet().removeIf(name -> name.startsWith("CLASSROOM_"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), out);
    }

    private void changeSet(String json) throws IOException {
        Files.writeString(folder.resolve("change-set.json"), json);
    }

    private List<String> calls() throws IOException {
        Path calls = folder.resolve("calls.txt");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }
}
