package org.classroom.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackDeploymentTest {

    private static final Path TEMPLATE = Path.of("..").resolve(DeployCommand.TEMPLATE);

    @Test
    void passesTheConfiguredNamesAsTemplateParameters(@TempDir Path home) throws Exception {
        ClassroomConfig config = new ConfigLoader(Map.of(), home.resolve("none.properties"))
                .load(Map.of("input.bucket", "videos-in", "table", "roster", "profile", "school"));
        List<String> command = new StackDeployment(TEMPLATE, "classroom", "example-image:1", config).command();

        assertThat(command).startsWith("aws", "cloudformation", "deploy")
                .contains("--capabilities", "CAPABILITY_IAM", "InputBucketName=videos-in", "TableName=roster",
                        "FunctionImageUri=example-image:1")
                .containsSequence("--profile", "school");
    }

    @Test
    void everyOverriddenParameterIsDeclaredByTheTemplate(@TempDir Path home) throws Exception {
        ClassroomConfig config = new ConfigLoader(Map.of(), home.resolve("none.properties")).load(Map.of());
        String template = Files.readString(TEMPLATE);
        new StackDeployment(TEMPLATE, "classroom", "image", config).command().stream()
                .filter(argument -> argument.matches("[A-Za-z]+=.*"))
                .map(argument -> argument.substring(0, argument.indexOf('=')))
                .forEach(parameter -> assertThat(template).contains("\n  " + parameter + ":\n"));
    }
}
