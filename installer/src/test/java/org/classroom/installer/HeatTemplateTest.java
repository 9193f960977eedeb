package org.classroom.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatTemplateTest {

    private final JsonNode template = Templates.yaml("openstack/relay-stack.yaml");
    private final JsonNode parameters = template.path("parameters");
    private final JsonNode resources = template.path("resources");

    @TempDir
    Path folder;

    @Test
    void createsWhatTheSeedMadeByHandEachUnderItsCondition() {
        assertThat(template.path("heat_template_version").asText()).isNotBlank();
        Map<String, String> expected = Map.ofEntries(
                Map.entry("OS::Glance::WebImage", "image"),
                Map.entry("OS::Neutron::Net", "private_network"),
                Map.entry("OS::Neutron::Subnet", "private_subnet"),
                Map.entry("OS::Neutron::Router", "router"),
                Map.entry("OS::Neutron::RouterInterface", "router_interface"),
                Map.entry("OS::Neutron::SecurityGroup", "security_group"),
                Map.entry("OS::Nova::KeyPair", "key_pair"),
                Map.entry("OS::Neutron::Port", "port"),
                Map.entry("OS::Nova::Server", "server"),
                Map.entry("OS::Neutron::FloatingIP", "floating_ip"));
        expected.forEach((type, name) -> assertThat(Templates.resourcesOfType(resources, type)).as(type).containsExactly(name));
        assertThat(resources.size()).isEqualTo(expected.size());

        assertThat(conditionOf("image")).isEqualTo("create_image");
        assertThat(List.of("private_network", "private_subnet", "router", "router_interface"))
                .allSatisfy(name -> assertThat(conditionOf(name)).as(name).isEqualTo("create_network"));
        assertThat(conditionOf("key_pair")).isEqualTo("create_key_pair");
        assertThat(List.of("port", "server", "floating_ip"))
                .allSatisfy(name -> assertThat(conditionOf(name)).as(name).isEqualTo("server_wanted"));
        assertThat(conditionOf("security_group")).isNull();

        JsonNode router = resources.path("router").path("properties");
        assertThat(router.path("external_gateway_info").path("network").path("get_param").asText()).isEqualTo("external_network");
        JsonNode routerInterface = resources.path("router_interface").path("properties");
        assertThat(routerInterface.path("router").path("get_resource").asText()).isEqualTo("router");
        assertThat(routerInterface.path("subnet").path("get_resource").asText()).isEqualTo("private_subnet");
        assertThat(resources.path("private_subnet").path("properties").path("network").path("get_resource").asText())
                .isEqualTo("private_network");

        JsonNode server = resources.path("server").path("properties");
        assertThat(server.path("flavor").path("get_param").asText()).isEqualTo("flavor");
        assertThat(server.path("image").path("if").toString())
                .isEqualTo("[\"create_image\",{\"get_resource\":\"image\"},{\"get_param\":\"image\"}]");
        assertThat(server.path("key_name").path("if").toString())
                .isEqualTo("[\"create_key_pair\",{\"get_resource\":\"key_pair\"},{\"get_param\":\"key_name\"}]");
    }

    @Test
    void theServersUserDataGetsTheFloatingAddressSoTheCertificateNamesIt() {
        // The floating IP sits on the port the server uses, so it exists (and its address is known) before the server.
        assertThat(resources.path("floating_ip").path("properties").path("port_id").path("get_resource").asText())
                .isEqualTo("port");
        assertThat(resources.path("server").path("properties").path("networks").toString())
                .isEqualTo("[{\"port\":{\"get_resource\":\"port\"}}]");
        JsonNode params = resources.path("server").path("properties").path("user_data").path("str_replace").path("params");
        assertThat(params.path("__PUBLIC_ADDRESS__").path("get_attr").toString())
                .isEqualTo("[\"floating_ip\",\"floating_ip_address\"]");
        assertThat(RunCmd.asScript(Templates.yaml("openstack/cloud-init.yaml").path("runcmd")))
                .contains("/opt/classroom-relay/bin/make-keystore \"__PUBLIC_ADDRESS__\"");
        assertThat(template.path("outputs").path("fingerprint_command").path("description").asText()).contains("fingerprint");
    }

    @Test
    void anExistingNetworkCanStillBeGiven() {
        assertThat(parameters.path("network").path("default").asText()).isEmpty();
        assertThat(template.path("conditions").path("create_network").toString())
                .isEqualTo("{\"equals\":[{\"get_param\":\"network\"},\"\"]}");
        assertThat(resources.path("port").path("properties").path("network").path("if").toString())
                .isEqualTo("[\"create_network\",{\"get_resource\":\"private_network\"},{\"get_param\":\"network\"}]");
    }

    @Test
    void theServerIsMadeFromAMadeImageOnlyOnceGlancesHashMatchesThePublishedOne() {
        JsonNode image = resources.path("image").path("properties");
        assertThat(image.path("location").path("get_param").asText()).isEqualTo("image_url");
        assertThat(parameters.path("image_url").path("default").asText())
                .startsWith("https://cloud.debian.org/images/cloud/bookworm/").endsWith(".qcow2");
        assertThat(parameters.path("image_sha512").path("constraints").get(0).path("allowed_pattern").asText())
                .isEqualTo("^([0-9a-f]{128})?$");

        JsonNode conditions = template.path("conditions");
        assertThat(conditions.path("server_wanted").toString()).isEqualTo("{\"or\":[{\"not\":\"create_image\"},\"image_checked\"]}");
        // An empty expected hash never counts as checked.
        assertThat(conditions.path("image_checked").toString()).contains(
                "{\"not\":{\"equals\":[{\"get_param\":\"image_sha512\"},\"\"]}}",
                "{\"equals\":[{\"get_param\":\"image_verified\"},{\"get_param\":\"image_sha512\"}]}");
        assertThat(template.path("outputs").path("image_hash").path("value").path("get_attr").toString())
                .isEqualTo("[\"image\",\"show\",\"os_hash_value\"]");
    }

    @Test
    void securityGroupLetsTheOperatorInForSshPingAndTheApiOnly() {
        JsonNode rules = resources.path("security_group").path("properties").path("rules");
        assertThat(rules).hasSize(3);
        assertThat(rules.get(0).path("protocol").asText()).isEqualTo("tcp");
        assertThat(rules.get(0).path("port_range_min").asInt()).isEqualTo(22);
        assertThat(rules.get(1).path("protocol").asText()).isEqualTo("icmp");
        assertThat(rules.get(2).path("protocol").asText()).isEqualTo("tcp");
        assertThat(rules.get(2).path("port_range_min").path("get_param").asText()).isEqualTo("api_port");
        rules.forEach(rule -> {
            assertThat(rule.path("direction").asText()).isEqualTo("ingress");
            assertThat(rule.path("remote_ip_prefix").path("get_param").asText()).isEqualTo("operator_cidr");
        });
        assertThat(parameters.path("operator_cidr").has("default")).isFalse();
        assertThat(OpenCidrs.in(template)).isEmpty();
    }

    @Test
    void templateValidatesOfflineAndUsesEveryParameter() {
        HeatReferences references = new HeatReferences(template, Templates.SOURCES.resolve("openstack"));
        assertThat(references.problems()).isEmpty();
        Set<String> declared = new TreeSet<>();
        parameters.fieldNames().forEachRemaining(declared::add);
        assertThat(references.usedParameters()).isEqualTo(declared);
    }

    @Test
    void offlineValidationCatchesWhatHeatWouldRefuse() throws Exception {
        JsonNode broken = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree("""
                {"parameters": {"a": {"type": "string"}},
                 "conditions": {"c": {"equals": [{"get_param": "a"}, ""]}, "d": {"not": "missing"}},
                 "resources": {
                   "r": {"type": "OS::Neutron::Net", "condition": "c"},
                   "s": {"type": "OS::Neutron::Port", "properties": {"network": {"get_resource": "r"},
                         "x": {"get_param": "b"}, "y": {"get_attr": ["nowhere", "id"]}, "z": {"if": ["e", 1, 2]}}},
                   "t": {"type": "OS::Neutron::Port", "properties": {"network": {"if": ["c", {"get_resource": "r"}, "n"]}}}}}
                """);
        assertThat(new HeatReferences(broken, folder).problems()).containsExactlyInAnyOrder(
                "conditions/d: names undeclared condition missing",
                "resources/s: refers to r, which exists only when c holds, outside that condition",
                "resources/s: get_param of undeclared b",
                "resources/s: refers to undeclared resource nowhere",
                "resources/s: if on an undeclared condition, or not [condition, then, else]: [\"e\",1,2]");
    }

    @Test
    void theUserDataCarriesNoSecret() {
        // Nova user data is readable through the API and the metadata service: the secrets come over SSH.
        assertThat(parameters.fieldNames()).toIterable()
                .doesNotContain("relay_token", "aws_access_key_id", "aws_secret_access_key");
        parameters.fields().forEachRemaining(parameter ->
                assertThat(parameter.getValue().path("hidden").asBoolean()).as(parameter.getKey()).isFalse());
        JsonNode userData = resources.path("server").path("properties").path("user_data");
        assertThat(userData.toString()).doesNotContainIgnoringCase("token").doesNotContainIgnoringCase("secret")
                .doesNotContainIgnoringCase("access_key");
        assertThat(Templates.text("openstack/cloud-init.yaml"))
                .doesNotContain("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "CLASSROOM_RELAY_TOKEN");
        assertThat(RunCmd.asScript(Templates.yaml("openstack/cloud-init.yaml").path("runcmd"))).contains("waiting for secrets");
    }

    @Test
    void everyParameterReferenceIsDeclared() {
        Set<String> referenced = new TreeSet<>();
        Templates.forEachObject(template, node -> {
            if (node.has("get_param")) {
                referenced.add(node.path("get_param").isArray() ? node.path("get_param").get(0).asText()
                        : node.path("get_param").asText());
            }
        });
        Set<String> declared = new HashSet<>(HeatReferences.PSEUDO_PARAMETERS);
        parameters.fieldNames().forEachRemaining(declared::add);
        assertThat(declared).containsAll(referenced);
    }

    @Test
    void userDataPlaceholdersMatchTheCloudInitFile() {
        JsonNode replace = resources.path("server").path("properties").path("user_data").path("str_replace");
        assertThat(replace.path("template").path("get_file").asText()).isEqualTo("cloud-init.yaml");
        Set<String> given = new TreeSet<>();
        replace.path("params").fieldNames().forEachRemaining(given::add);
        assertThat(placeholders(Templates.text("openstack/cloud-init.yaml"))).isEqualTo(given);
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

    @Test
    void cloudInitCommandsPassShellcheck() throws Exception {
        String script = RunCmd.asScript(Templates.yaml("openstack/cloud-init.yaml").path("runcmd"))
                .replaceAll("__[A-Z0-9_]+__", "placeholder");
        ShellCheck.assertClean(script, folder, "relay-runcmd.sh");
    }

    @Test
    void aBundleThatDoesNotMatchItsChecksumIsNeitherUnpackedNorInstalled() throws Exception {
        Path root = Files.createDirectories(folder.resolve("vm-root"));
        Path bin = Files.createDirectories(folder.resolve("stubs"));
        Path calls = folder.resolve("calls.txt");
        // curl "downloads" a bundle; tar, the installer, the keystore tool and systemctl only say they ran.
        stub(bin.resolve("curl"), "while [ $# -gt 1 ]; do [ \"$1\" = -o ] && out=$2; shift; done; echo tampered > \"$out\"");
        for (String tool : List.of("tar", "systemctl")) {
            stub(bin.resolve(tool), "echo " + tool + " >> " + calls);
        }
        String script = RunCmd.asScript(Templates.yaml("openstack/cloud-init.yaml").path("runcmd"))
                .replace("__BUNDLE_URL__", "https://example.invalid/classroom-relay.tar.gz")
                .replace("__BUNDLE_SHA256__", "0".repeat(64))
                .replace("/root/", root + "/")
                .replace("/opt/classroom-relay/bin/make-keystore", bin.resolve("make-keystore").toString());
        Path file = Files.writeString(folder.resolve("runcmd.sh"), script);
        ProcessBuilder sh = new ProcessBuilder("sh", file.toString()).redirectErrorStream(true);
        sh.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process run = sh.start();
        String output = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(run.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertThat(run.exitValue()).as(output).isNotZero();
        assertThat(output).contains("does not match its SHA-256");
        assertThat(Files.exists(calls)).as("nothing after the check ran").isFalse();
        assertThat(Files.exists(root.resolve("classroom-relay.tar.gz"))).isFalse();
    }

    private static void stub(Path file, String body) throws java.io.IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String conditionOf(String resource) {
        return resources.path(resource).path("condition").asText(null);
    }

    private static Set<String> placeholders(String text) {
        Set<String> used = new TreeSet<>();
        Matcher matcher = Pattern.compile("__[A-Z0-9_]+__").matcher(text);
        while (matcher.find()) {
            used.add(matcher.group());
        }
        return used;
    }
}
