package org.classroom.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HeatTemplateTest {

    private final JsonNode template = Templates.yaml("openstack/relay-stack.yaml");
    private final JsonNode resources = template.path("resources");

    @Test
    void createsTheVmWithItsNetworkPieces() {
        assertThat(template.path("heat_template_version").asText()).isNotBlank();
        assertThat(Templates.resourcesOfType(resources, "OS::Nova::Server")).containsExactly("server");
        assertThat(Templates.resourcesOfType(resources, "OS::Neutron::SecurityGroup")).containsExactly("security_group");
        assertThat(Templates.resourcesOfType(resources, "OS::Neutron::Port")).containsExactly("port");
        assertThat(Templates.resourcesOfType(resources, "OS::Neutron::FloatingIP")).containsExactly("floating_ip");
        assertThat(Templates.resourcesOfType(resources, "OS::Neutron::FloatingIPAssociation")).hasSize(1);
        JsonNode server = resources.path("server").path("properties");
        assertThat(server.path("key_name").path("get_param").asText()).isEqualTo("key_name");
        assertThat(server.path("image").path("get_param").asText()).isEqualTo("image");
        assertThat(server.path("flavor").path("get_param").asText()).isEqualTo("flavor");
    }

    @Test
    void securityGroupOpensSshAndTheApiPortOnly() {
        JsonNode rules = resources.path("security_group").path("properties").path("rules");
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).path("port_range_min").asInt()).isEqualTo(22);
        assertThat(rules.get(1).path("port_range_min").path("get_param").asText()).isEqualTo("api_port");
        rules.forEach(rule -> assertThat(rule.path("protocol").asText()).isEqualTo("tcp"));
    }

    @Test
    void everyParameterReferenceIsDeclaredAndSecretsAreHidden() {
        Set<String> referenced = new TreeSet<>();
        Templates.forEachObject(template, node -> {
            if (node.has("get_param")) {
                referenced.add(node.path("get_param").isArray() ? node.path("get_param").get(0).asText()
                        : node.path("get_param").asText());
            }
        });
        Set<String> declared = new HashSet<>();
        template.path("parameters").fieldNames().forEachRemaining(declared::add);
        assertThat(declared).containsAll(referenced);
        for (String secret : new String[] {"relay_token", "aws_access_key_id", "aws_secret_access_key"}) {
            assertThat(template.path("parameters").path(secret).path("hidden").asBoolean()).as(secret).isTrue();
        }
    }

    @Test
    void userDataPlaceholdersMatchTheCloudInitFile() {
        JsonNode replace = resources.path("server").path("properties").path("user_data").path("str_replace");
        assertThat(replace.path("template").path("get_file").asText()).isEqualTo("cloud-init.yaml");
        Set<String> given = new TreeSet<>();
        replace.path("params").fieldNames().forEachRemaining(given::add);

        String cloudInit = Templates.text("openstack/cloud-init.yaml");
        Set<String> used = new TreeSet<>();
        Matcher matcher = Pattern.compile("__[A-Z0-9_]+__").matcher(cloudInit);
        while (matcher.find()) {
            used.add(matcher.group());
        }
        assertThat(used).isEqualTo(given);
    }

    @Test
    void cloudInitInstallsJavaAndStartsTheRelay() {
        String text = Templates.text("openstack/cloud-init.yaml");
        assertThat(text).startsWith("#cloud-config");
        JsonNode cloudInit = Templates.yaml("openstack/cloud-init.yaml");
        assertThat(Templates.strings(cloudInit.path("packages"))).contains("openjdk-17-jre-headless");
        assertThat(cloudInit.path("write_files").get(0).path("path").asText()).isEqualTo("/etc/classroom-relay/relay.env");
        assertThat(cloudInit.path("write_files").get(0).path("permissions").asText()).isEqualTo("0600");
        assertThat(cloudInit.path("runcmd").toString()).contains("sha256sum -c", "install.sh", "classroom-relay.service");
    }
}
