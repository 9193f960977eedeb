package org.classroom.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code classroom deploy openstack-host} against a stand-in {@code aws}: create, nothing to do, refusals. */
class OpenStackHostCommandTest {

    @TempDir
    Path folder;

    private StandIns standIns;

    @BeforeEach
    void fakeAws() throws IOException {
        standIns = new StandIns(folder).install("fake-aws-host.sh", "aws");
        Files.writeString(folder.resolve("outputs.json"), """
                [{"OutputKey": "HorizonUrl", "OutputValue": "http://198.51.100.9/dashboard"},
                 {"OutputKey": "RelayUrl", "OutputValue": "https://198.51.100.9:8443"}]""");
        Files.writeString(folder.resolve("change-set.json"), """
                {"Changes": [{"ResourceChange": {"Action": "Add", "LogicalResourceId": "Host", "ResourceType": "AWS::EC2::Instance"}}]}""");
    }

    @Test
    void createsTheHostStackStepByStepAndSaysWhereOpenStackIs() throws Exception {
        StandIns.Run run = deploy("--key-name", "laptop", "--operator-cidr", "203.0.113.7/32");

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("[1/4] looking for stack classroom-openstack in us-east-1", "it will be created",
                "[2/4] making the change set", "Add Host (AWS::EC2::Instance)", "[3/4] executing", "CREATE_COMPLETE",
                "[4/4] OpenStack answers", "HorizonUrl: http://198.51.100.9/dashboard", "RelayUrl: https://198.51.100.9:8443");
        assertThat(standIns.calls()).anyMatch(call -> call.startsWith("cloudformation deploy")
                        && call.contains("installer/src/main/aws/openstack-host.yaml") && call.contains("--no-execute-changeset")
                        && call.contains("--parameter-overrides KeyName=laptop OperatorCidr=203.0.113.7/32"))
                .anyMatch(call -> call.startsWith("cloudformation execute-change-set"));
    }

    @Test
    void doesNothingWhenTheStackAlreadyMatches() throws Exception {
        Files.writeString(folder.resolve("status"), "CREATE_COMPLETE");
        Files.writeString(folder.resolve("no-changes"), "");

        StandIns.Run run = deploy();

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("found (CREATE_COMPLETE): it will be updated", "nothing to change", "HorizonUrl:");
        assertThat(standIns.calls()).noneMatch(call -> call.startsWith("cloudformation execute-change-set"))
                .anyMatch(call -> call.startsWith("cloudformation deploy") && !call.contains("--parameter-overrides"));
    }

    @Test
    void refusesToReplaceTheInstanceWithoutYes() throws Exception {
        Files.writeString(folder.resolve("status"), "CREATE_COMPLETE");
        Files.writeString(folder.resolve("change-set.json"), """
                {"Changes": [{"ResourceChange": {"Action": "Modify", "LogicalResourceId": "Host",
                              "ResourceType": "AWS::EC2::Instance", "Replacement": "True"}}]}""");

        StandIns.Run run = deploy("--instance-type", "t3.2xlarge");

        assertThat(run.exit()).isNotZero();
        assertThat(run.out()).contains("refusing to replace or remove Host", "--yes");
        assertThat(standIns.calls()).anyMatch(call -> call.startsWith("cloudformation delete-change-set"))
                .noneMatch(call -> call.startsWith("cloudformation execute-change-set"));
    }

    @Test
    void aNewStackNeedsTheOperatorsOwnAddressNeverTheWholeInternet() throws Exception {
        StandIns.Run open = deploy("--key-name", "laptop", "--operator-cidr", "0.0.0.0/0");
        assertThat(open.exit()).isNotZero();
        assertThat(open.out()).contains("would let the whole internet in");

        StandIns.Run missing = deploy("--key-name", "laptop");
        assertThat(missing.exit()).isNotZero();
        assertThat(missing.out()).contains("needs --key-name (an EC2 key pair) and --operator-cidr");
        assertThat(standIns.calls()).noneMatch(call -> call.startsWith("cloudformation deploy"));
    }

    @Test
    void plainDeployStillDeploysTheAwsStackAndWantsItsImage() throws Exception {
        StandIns.Run run = standIns.classroom(Map.of("FAKE_AWS_DIR", folder.toString()), List.of("deploy"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("Missing required option: '--image=URI'", "openstack-host", "relay");
        assertThat(standIns.calls()).isEmpty();
    }

    private StandIns.Run deploy(String... options) throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("deploy", "openstack-host"));
        args.addAll(List.of(options));
        return standIns.classroom(Map.of("FAKE_AWS_DIR", folder.toString()), args);
    }
}
