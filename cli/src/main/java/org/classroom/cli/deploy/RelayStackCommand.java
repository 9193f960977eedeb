package org.classroom.cli.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.classroom.cli.support.ConfigOptions;
import org.classroom.cli.support.UserError;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.tls.CertificateFingerprint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code classroom deploy relay}: the relay VM and what it stands on, from installer/src/main/openstack/relay-stack.yaml. */
@Command(name = "relay", mixinStandardHelpOptions = true,
        description = {"Creates or updates the relay's Heat stack on OpenStack: the Debian image in Glance, a private "
                + "network with a router, the security group, a key pair, the VM (which installs the relay bundle) and "
                + "a floating IP. Nothing is changed when the stack already matches.",
                "A made image is checked before the VM exists: the stack is first made without the VM, the SHA-512 "
                + "Glance computed is compared with --image-sha512, and only then is the VM added.",
                "The relay's AWS key comes from RELAY_AWS_ACCESS_KEY_ID and RELAY_AWS_SECRET_ACCESS_KEY (an IAM user "
                + "in the AWS stack's RelayGroup). It and the relay token never go to Heat or into the VM's user data: "
                + "once the VM is up they are written to /etc/classroom-relay/secrets.env over SSH (fed on ssh's "
                + "standard input), which starts the relay; an update replaces them only when all three are given.",
                "Last, the certificate the VM made is read over SSH and its SHA-256 fingerprint printed: the desktops "
                + "pin it (Settings -> Relay certificate fingerprint)."})
public final class RelayStackCommand implements Callable<Integer> {

    static final String TEMPLATE = "installer/src/main/openstack/relay-stack.yaml";

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--os-cloud", paramLabel = "NAME",
            description = "Cloud of your clouds.yaml (e.g. classroom-devstack); default: OS_CLOUD or your openrc.")
    String cloud;

    @Option(names = "--stack-name", defaultValue = "classroom-relay", paramLabel = "NAME",
            description = "Heat stack name (default: ${DEFAULT-VALUE}).")
    String stackName;

    @Option(names = "--template", paramLabel = "FILE", description = "The Heat template (default: " + TEMPLATE + ").")
    Path template;

    @Option(names = "--operator-cidr", paramLabel = "CIDR",
            description = "Who may SSH, ping and reach the results API, e.g. 203.0.113.7/32 (needed to create).")
    String operatorCidr;

    @Option(names = "--image", paramLabel = "NAME", description = "Use this Glance image instead of making one.")
    String image;

    @Option(names = "--image-url", paramLabel = "URL", description = "Cloud image to make (template default: Debian 12 genericcloud).")
    String imageUrl;

    @Option(names = "--image-sha512", paramLabel = "HEX", description = "Its SHA-512, from the SHA512SUMS beside it.")
    String imageSha512;

    @Option(names = "--key-name", paramLabel = "NAME", description = "An existing Nova key pair.")
    String keyName;

    @Option(names = "--public-key", paramLabel = "FILE", description = "An OpenSSH public key; the stack makes a key pair of it.")
    Path publicKey;

    @Option(names = "--network", paramLabel = "NAME", description = "An existing network instead of the stack's own.")
    String network;

    @Option(names = "--external-network", paramLabel = "NAME", description = "Where floating IPs come from (template default: public).")
    String externalNetwork;

    @Option(names = "--floating-ip", paramLabel = "ADDRESS",
            description = "Ask for this floating IP (172.24.4.200 on the devstack host, which forwards its relay port there).")
    String floatingIp;

    @Option(names = "--bundle-url", paramLabel = "URL", description = "Where the VM fetches classroom-relay-<version>.tar.gz.")
    String bundleUrl;

    @Option(names = "--bundle-sha256", paramLabel = "HEX", description = "The tarball's SHA-256.")
    String bundleSha256;

    @Option(names = "--relay-token", paramLabel = "TOKEN",
            description = "Bearer token for the results API, written to the VM over SSH (default on create: a new "
                    + "random one, printed once).")
    String relayToken;

    @Option(names = "--ssh-user", defaultValue = "debian", paramLabel = "USER",
            description = "The image's login user with sudo (default: ${DEFAULT-VALUE}; ubuntu on Ubuntu images).")
    String sshUser;

    @Option(names = "--ssh-identity", paramLabel = "FILE",
            description = "Private key for the VM's key pair (default: ssh's own keys and agent).")
    Path sshIdentity;

    @Option(names = "--ssh-jump", paramLabel = "USER@HOST",
            description = "Reach the VM through this host (ssh -J), e.g. the devstack host, when its floating IP is "
                    + "only routed there.")
    String sshJump;

    @Option(names = "--dry-run", description = "Print the steps and the parameter names instead of running them.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ClassroomConfig config = configOptions.load();
        Path file = templateFile();
        Progress progress = new Progress(spec.commandLine().getOut(), "deploy relay", 6);
        HeatStack stack = new HeatStack(new OpenStackCli(cloud), stackName);

        progress.step("looking for Heat stack " + stackName + (cloud == null ? "" : " on cloud " + cloud));
        Optional<HeatStack.Shown> shown = dryRun ? Optional.empty() : stack.show();
        progress.detail(shown.map(s -> "found (" + s.status() + "): it will be updated").orElse("it will be created"));

        Map<String, String> parameters = parameters(config, shown);
        boolean makesImage = shown.map(s -> image == null && "".equals(Optional.ofNullable(s.parameter("image")).orElse("")))
                .orElse(image == null);
        String verified = alreadyVerified(shown, makesImage);
        parameters.put("image_verified", verified);
        if (dryRun) {
            progress.line("would " + (shown.isPresent() ? "update" : "create") + " " + stackName + " from " + file
                    + " with parameters " + String.join(", ", parameters.keySet())
                    + ", then write the secrets to the VM's " + RelayHostSsh.SECRETS_FILE + " over SSH as " + sshUser);
            return 0;
        }

        progress.step((shown.isPresent() ? "updating " : "creating ") + stackName
                + (makesImage && verified.isEmpty() ? " (image and network first; the VM once the image is checked)" : ""));
        try (HeatEnvironment environment = new HeatEnvironment(parameters)) {
            List<String> obsolete = shown.map(RelayStackCommand::secretParametersOf).orElse(List.of());
            if (shown.isEmpty()) {
                stack.create(file, environment.file(), progress);
            } else if (!obsolete.isEmpty()) {
                progress.detail("the stack was made with its secrets as Heat parameters; this update removes "
                        + String.join(", ", obsolete) + " (the secrets go over SSH now)");
                stack.update(file, environment.file(), obsolete, progress);
            } else if (stack.updateWouldChange(file, environment.file())) {
                stack.update(file, environment.file(), progress);
            } else {
                progress.detail("nothing to change: the stack is as the template and parameters say");
            }
        }

        progress.step("checking the image Glance made");
        String checked = checkImage(stack, makesImage, verified, progress);

        progress.step("making the relay VM");
        if (checked == null) {
            progress.detail("nothing to do: " + (makesImage ? "the VM was made from the checked image before" : "an existing image is used"));
        } else {
            try (HeatEnvironment environment = new HeatEnvironment(Map.of("image_verified", checked))) {
                stack.update(file, environment.file(), progress);
            }
        }

        HeatStack.Shown done = stack.show().orElseThrow(() -> new UserError("stack " + stackName + " disappeared"));
        String address = done.outputs().get("relay_ip");
        if (address == null) {
            throw new UserError("stack " + stackName + " has no relay_ip output: is its VM there?");
        }
        RelayHostSsh vm = new RelayHostSsh(sshUser + "@" + address, sshIdentity, sshJump, 30, Duration.ofSeconds(10));
        progress.step("handing the relay its secrets over SSH (" + sshUser + "@" + address + ")");
        handOverSecrets(vm, progress);

        progress.step("where it is");
        done.outputs().forEach((key, value) -> progress.detail(key + ": " + value));
        printFingerprint(vm, done, progress);
        progress.line("next: give the desktops relay_url (through the host's Elastic IP on devstack: the host stack's "
                + "RelayUrl), the relay token and the certificate fingerprint (Settings -> Relay)");
        return 0;
    }

    /** The AWS key and the token, when this run knows all three; never through Heat (see {@link RelaySecrets}). */
    private void handOverSecrets(RelayHostSsh vm, Progress progress) throws InterruptedException {
        Optional<RelaySecrets> secrets = RelaySecrets.ifComplete(System.getenv("RELAY_AWS_ACCESS_KEY_ID"),
                System.getenv("RELAY_AWS_SECRET_ACCESS_KEY"), relayToken);
        if (secrets.isEmpty()) {
            progress.detail("kept the VM's secrets: give --relay-token, RELAY_AWS_ACCESS_KEY_ID and "
                    + "RELAY_AWS_SECRET_ACCESS_KEY together to replace them");
            return;
        }
        try {
            vm.handOver(secrets.get(), progress);
        } catch (UserError e) {
            throw new UserError(e.getMessage() + "\nThe stack is up but the relay has no secrets: once SSH works, run "
                    + "this again with --relay-token and RELAY_AWS_ACCESS_KEY_ID / RELAY_AWS_SECRET_ACCESS_KEY.",
                    e.exitCode());
        }
        progress.detail("wrote " + RelayHostSsh.SECRETS_FILE + " and restarted the relay");
    }

    /** What the desktops pin, read over SSH rather than from the relay's own port; a failure only says how to get it. */
    private static void printFingerprint(RelayHostSsh vm, HeatStack.Shown stack, Progress progress) throws InterruptedException {
        try {
            progress.detail("relay certificate SHA-256 fingerprint (the desktops' relay.fingerprint): "
                    + CertificateFingerprint.sha256(vm.certificate(progress)));
        } catch (UserError e) {
            progress.detail("could not read the relay's certificate (" + e.getMessage() + "); its fingerprint: "
                    + stack.outputs().getOrDefault("fingerprint_command", "see the stack's fingerprint_command output"));
        }
    }

    /** Parameters that earlier versions of the template took, holding secrets that now go over SSH. */
    private static List<String> secretParametersOf(HeatStack.Shown stack) {
        return Stream.of("relay_token", "aws_access_key_id", "aws_secret_access_key")
                .filter(name -> stack.parameter(name) != null).toList();
    }

    /** The hash to pass as image_verified once Glance's hash is checked, or null when nothing is left to check. */
    private String checkImage(HeatStack stack, boolean makesImage, String verified, Progress progress)
            throws InterruptedException, IOException {
        if (!makesImage) {
            progress.detail("nothing to check: the stack uses image " + image);
            return null;
        }
        if (!verified.isEmpty()) {
            progress.detail("checked before: Glance's SHA-512 is " + verified);
            return null;
        }
        HeatStack.Shown shown = stack.show().orElseThrow(() -> new UserError("stack " + stackName + " disappeared"));
        String computed = shown.outputs().getOrDefault("image_hash", "").toLowerCase(Locale.ROOT);
        String algorithm = shown.outputs().getOrDefault("image_hash_algorithm", "sha512");
        String expected = expectedSha512(Optional.of(shown));
        if (!"sha512".equals(algorithm) || !computed.equals(expected)) {
            throw new UserError("the image Glance downloaded is not the one published: Glance's " + algorithm + " is "
                    + (computed.isEmpty() ? "missing" : computed) + ", --image-sha512 is " + expected + ". The VM was not "
                    + "made. Check --image-url against its SHA512SUMS, or `openstack stack delete " + stackName + "`.");
        }
        progress.detail("Glance's SHA-512 matches the published one");
        return expected;
    }

    /** image_verified for this run: the checked hash again, if the stack's image is the wanted one and was checked. */
    private String alreadyVerified(Optional<HeatStack.Shown> shown, boolean makesImage) {
        if (shown.isEmpty() || !makesImage) {
            return "";
        }
        HeatStack.Shown stack = shown.get();
        boolean sameUrl = imageUrl == null || imageUrl.equals(stack.parameter("image_url"));
        String expected = expectedSha512(shown);
        String computed = stack.outputs().getOrDefault("image_hash", "").toLowerCase(Locale.ROOT);
        return sameUrl && !expected.isEmpty() && expected.equals(computed) ? expected : "";
    }

    private String expectedSha512(Optional<HeatStack.Shown> shown) {
        String expected = imageSha512 != null ? imageSha512 : shown.map(s -> s.parameter("image_sha512")).orElse("");
        return expected == null ? "" : expected.strip().toLowerCase(Locale.ROOT);
    }

    private Map<String, String> parameters(ClassroomConfig config, Optional<HeatStack.Shown> shown) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "operator_cidr", Cidrs.operator(operatorCidr));
        put(parameters, "image", image);
        put(parameters, "image_url", imageUrl);
        put(parameters, "image_sha512", imageSha512 == null ? null : imageSha512.strip().toLowerCase(Locale.ROOT));
        put(parameters, "key_name", keyName);
        put(parameters, "ssh_public_key", publicKey == null ? null : Files.readString(publicKey).strip());
        put(parameters, "network", network);
        put(parameters, "external_network", externalNetwork);
        put(parameters, "floating_ip_address", floatingIp);
        put(parameters, "relay_bundle_url", bundleUrl);
        put(parameters, "relay_bundle_sha256", bundleSha256);
        parameters.put("aws_region", config.region());
        parameters.put("input_queue", config.inputQueue());
        parameters.put("output_queue", config.outputQueue());
        parameters.put("function_name", config.function());
        if (shown.isEmpty() && !dryRun) {
            requireForCreate(parameters);
            if (relayToken == null) {
                relayToken = newToken();
                spec.commandLine().getOut().println("relay token (give it to the desktops; it is not shown again): " + relayToken);
            }
        }
        return parameters;
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private void requireForCreate(Map<String, String> parameters) {
        List<String> missing = new java.util.ArrayList<>();
        for (String[] needed : new String[][] {{"operator_cidr", "--operator-cidr"}, {"relay_bundle_url", "--bundle-url"},
                {"relay_bundle_sha256", "--bundle-sha256"}}) {
            if (!parameters.containsKey(needed[0])) {
                missing.add(needed[1]);
            }
        }
        for (String variable : List.of("RELAY_AWS_ACCESS_KEY_ID", "RELAY_AWS_SECRET_ACCESS_KEY")) {
            if (System.getenv(variable) == null) {
                missing.add(variable);
            }
        }
        if (image == null && imageSha512 == null) {
            missing.add("--image-sha512 (or --image NAME)");
        }
        if (keyName == null && publicKey == null) {
            missing.add("--public-key FILE (or --key-name NAME)");
        }
        if (!missing.isEmpty()) {
            throw new UserError("a new relay stack needs " + String.join(", ", missing));
        }
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    private Path templateFile() {
        return ProjectFile.resolve(template, TEMPLATE, "Heat template");
    }
}
