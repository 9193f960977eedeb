package org.classroom.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CloudFormation template of the devstack host (installer/src/main/aws/openstack-host.yaml). */
class HostTemplateTest {

    private final JsonNode template = Templates.yaml("aws/openstack-host.yaml");
    private final JsonNode parameters = template.path("Parameters");
    private final JsonNode resources = template.path("Resources");

    @TempDir
    Path folder;

    @Test
    void makesTheInstanceItsSecurityGroupAnAddressAndAWaitCondition() {
        assertThat(Templates.resourcesOfType(resources, "AWS::EC2::Instance")).containsExactly("Host");
        assertThat(Templates.resourcesOfType(resources, "AWS::EC2::SecurityGroup")).containsExactly("HostSecurityGroup");
        assertThat(Templates.resourcesOfType(resources, "AWS::EC2::EIP")).containsExactly("HostAddress");
        assertThat(Templates.resourcesOfType(resources, "AWS::EC2::EIPAssociation")).containsExactly("HostAddressAssociation");
        assertThat(Templates.resourcesOfType(resources, "AWS::CloudFormation::WaitConditionHandle")).containsExactly("HostReadyHandle");
        assertThat(Templates.resourcesOfType(resources, "AWS::CloudFormation::WaitCondition")).containsExactly("HostReady");

        JsonNode host = resources.path("Host").path("Properties");
        assertThat(host.path("InstanceType").path("Ref").asText()).isEqualTo("InstanceType");
        assertThat(host.path("KeyName").path("Ref").asText()).isEqualTo("KeyName");
        assertThat(host.path("SecurityGroupIds").get(0).path("Fn::GetAtt").get(0).asText()).isEqualTo("HostSecurityGroup");
        assertThat(host.path("MetadataOptions").path("HttpTokens").asText()).isEqualTo("required");
        assertThat(host.path("BlockDeviceMappings").get(0).path("Ebs").path("VolumeSize").path("Ref").asText()).isEqualTo("RootVolumeGiB");

        JsonNode association = resources.path("HostAddressAssociation").path("Properties");
        assertThat(association.path("InstanceId").path("Ref").asText()).isEqualTo("Host");
        assertThat(association.path("AllocationId").path("Fn::GetAtt").get(0).asText()).isEqualTo("HostAddress");

        JsonNode ready = resources.path("HostReady");
        assertThat(ready.path("Properties").path("Handle").path("Ref").asText()).isEqualTo("HostReadyHandle");
        assertThat(Templates.strings(ready.path("DependsOn"))).containsExactly("Host");
        // stack.sh takes most of an hour; CloudFormation allows at most 12 hours.
        assertThat(ready.path("Properties").path("Timeout").asInt()).isBetween(3600, 43200);
        assertThat(template.path("Outputs").fieldNames()).toIterable().contains("HorizonUrl", "AuthUrl", "RelayUrl", "HostAddress");
    }

    @Test
    void defaultInstanceHasRoomForDevstackAndTheRelayVm() {
        assertThat(parameters.path("InstanceType").path("Default").asText()).isEqualTo("t3.xlarge");
        assertThat(Templates.strings(parameters.path("InstanceType").path("AllowedValues"))).contains("t2.large", "t3.xlarge");
        assertThat(parameters.path("RootVolumeGiB").path("Default").asInt()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void securityGroupLetsOnlyTheOperatorInOnSshHorizonTheApisAndTheRelay() {
        JsonNode ingress = resources.path("HostSecurityGroup").path("Properties").path("SecurityGroupIngress");
        Set<String> ports = new TreeSet<>();
        ingress.forEach(rule -> {
            assertThat(rule.path("CidrIp").path("Ref").asText()).as(rule.toString()).isEqualTo("OperatorCidr");
            assertThat(rule.has("CidrIpv6")).isFalse();
            ports.add(rule.path("IpProtocol").asText() + ":" + (rule.path("FromPort").isObject()
                    ? rule.path("FromPort").path("Ref").asText() : rule.path("FromPort").asText()));
        });
        assertThat(ports).containsExactlyInAnyOrder("tcp:22", "tcp:80", "tcp:6080", "tcp:9696", "tcp:RelayPort", "icmp:-1");
    }

    @Test
    void operatorCidrHasNoDefaultAndNothingIsOpenToTheWorld() {
        assertThat(parameters.path("OperatorCidr").has("Default")).isFalse();
        assertThat(OpenCidrs.in(parameters)).isEmpty();
        assertThat(OpenCidrs.in(resources)).isEmpty();
        // The one place 0.0.0.0/0 is written: the rule that refuses it.
        assertThat(template.path("Rules").toString()).contains("OperatorCidr", "0.0.0.0/0");
    }

    @Test
    void everyParameterIsUsedAndEveryReferenceResolves() {
        CloudFormationReferences references = new CloudFormationReferences(template);
        assertThat(references.unresolved()).isEmpty();
        Set<String> declared = new TreeSet<>();
        parameters.fieldNames().forEachRemaining(declared::add);
        assertThat(references.usedParameters()).isEqualTo(declared);
    }

    @Test
    void devstackComesFromItsOwnRepositoryAtAPinnedReleaseBranch() {
        JsonNode branch = parameters.path("DevstackBranch");
        assertThat(branch.path("Default").asText()).matches("stable/20[0-9]{2}\\.[12]").isNotEqualTo("master");
        assertThat("master").doesNotMatch(branch.path("AllowedPattern").asText());
        assertThat(branch.path("Default").asText()).matches(branch.path("AllowedPattern").asText());
        assertThat(parameters.path("GitBase").path("Default").asText()).isEqualTo("https://opendev.org");

        String script = userData();
        assertThat(script).contains("git clone --depth 1 --branch \"$devstack_branch\" \"$git_base/openstack/devstack\"",
                "enable_plugin heat $git_base/openstack/heat $devstack_branch");
    }

    @Test
    void firstBootMakesTheStackUserAGeneratedLocalConfAndSignalsWhenOpenStackAnswers() {
        String script = userData();
        assertThat(script).startsWith("#!/bin/bash").contains("set -Eeuo pipefail",
                "useradd --shell /bin/bash --home-dir /opt/stack --create-home stack", "./stack.sh");
        // Each password is generated on the host; none is written in the template.
        for (String password : List.of("ADMIN_PASSWORD", "DATABASE_PASSWORD", "RABBIT_PASSWORD", "SERVICE_PASSWORD")) {
            assertThat(script).as(password).containsPattern(password + "=\\$(admin_password|\\(openssl rand -hex 24\\))\n");
        }
        assertThat(script).contains("admin_password=$(openssl rand -hex 24)", "umask 077");
        // The signal goes to the wait condition's handle, after Keystone and Heat answer, and on failure too.
        assertThat(script).contains("readonly ready_url='${HostReadyHandle}'", "signal SUCCESS", "signal FAILURE",
                "/identity/v3", "catalog show orchestration");
        assertThat(script.indexOf("await_openstack\n", script.indexOf("first_boot() {")))
                .isLessThan(script.indexOf("signal SUCCESS"));
    }

    @Test
    void firstBootScriptPassesShellcheck() throws Exception {
        String rendered = FnSub.render(userData(), name -> "placeholder-" + name.replace("::", "-"));
        ShellCheck.assertClean(rendered, folder, "openstack-host-user-data.sh");
    }

    private String userData() {
        JsonNode sub = resources.path("Host").path("Properties").path("UserData").path("Fn::Base64").path("Fn::Sub");
        assertThat(sub.isTextual()).as("UserData is Fn::Base64 of one Fn::Sub string").isTrue();
        return sub.asText();
    }
}
