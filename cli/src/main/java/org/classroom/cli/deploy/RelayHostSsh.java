package org.classroom.cli.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.classroom.cli.support.UserError;

/**
 * The relay VM through the operator's own {@code ssh} (their key, their agent): the secrets are written there,
 * fed on ssh's standard input, never on a command line or in user data; and the certificate the VM made is read
 * back, so the desktops can pin it. Every remote command first waits for cloud-init, which may still be
 * installing the relay when Heat reports the stack complete.
 */
final class RelayHostSsh {

    static final String SECRETS_FILE = "/etc/classroom-relay/secrets.env";
    static final String CERTIFICATE_FILE = "/var/lib/classroom-relay/relay.crt";

    private static final String AFTER_FIRST_BOOT = "cloud-init status --wait >/dev/null 2>&1 || true; ";
    static final String HAND_OVER = "sudo sh -c '" + AFTER_FIRST_BOOT + "install -d -m 0750 /etc/classroom-relay"
            + " && install -m 0600 /dev/stdin " + SECRETS_FILE + " && systemctl restart classroom-relay.service'";
    static final String READ_CERTIFICATE = "sudo sh -c '" + AFTER_FIRST_BOOT + "cat " + CERTIFICATE_FILE + "'";

    /** ssh's own exit code when it could not connect (the VM still booting, for instance). */
    private static final int CONNECTION_FAILED = 255;

    private final List<String> ssh;
    private final int attempts;
    private final Duration pause;

    /**
     * @param destination {@code user@address} of the VM
     * @param identity    a private key file, or null for ssh's defaults and agent
     * @param jump        a host to go through ({@code ssh -J}), or null
     */
    RelayHostSsh(String destination, Path identity, String jump, int attempts, Duration pause) {
        List<String> command = new ArrayList<>(List.of("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10",
                // A new VM has a new host key: accept it the first time, refuse a changed one.
                "-o", "StrictHostKeyChecking=accept-new", "-o", "LogLevel=ERROR"));
        if (identity != null) {
            command.addAll(List.of("-i", identity.toString()));
        }
        if (jump != null) {
            command.addAll(List.of("-J", jump));
        }
        command.add(destination);
        this.ssh = List.copyOf(command);
        this.attempts = attempts;
        this.pause = pause;
    }

    /** Writes the secrets file (root's only) and restarts the relay, which waits for that file. */
    void handOver(RelaySecrets secrets, Progress progress) throws InterruptedException {
        run(HAND_OVER, secrets.environmentFile().getBytes(StandardCharsets.UTF_8), progress);
    }

    /** The certificate the relay serves, as make-keystore made it. */
    X509Certificate certificate(Progress progress) throws InterruptedException {
        String output = run(READ_CERTIFICATE, new byte[0], progress);
        int begin = output.indexOf("-----BEGIN CERTIFICATE-----");
        int end = output.indexOf("-----END CERTIFICATE-----");
        if (begin < 0 || end < begin) {
            throw new UserError("no certificate in " + CERTIFICATE_FILE + " on the relay VM:\n" + output.strip());
        }
        byte[] pem = output.substring(begin, end + "-----END CERTIFICATE-----".length()).getBytes(StandardCharsets.US_ASCII);
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
        } catch (CertificateException e) {
            throw new UserError("the relay VM's " + CERTIFICATE_FILE + " is not a certificate: " + e.getMessage());
        }
    }

    private String run(String remote, byte[] input, Progress progress) throws InterruptedException {
        List<String> command = new ArrayList<>(ssh);
        command.add(remote);
        for (int attempt = 1; ; attempt++) {
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new UserError("ssh (OpenSSH's client) is needed to reach the relay VM: " + e.getMessage());
            }
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input);
            } catch (IOException e) {
                // ssh ended before reading its input: its exit code and output say why.
            }
            String output;
            try {
                output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserError("reading ssh's output failed: " + e.getMessage());
            }
            int exit = process.waitFor();
            if (exit == 0) {
                return output;
            }
            if (exit != CONNECTION_FAILED || attempt >= attempts) {
                throw new UserError("ssh " + ssh.get(ssh.size() - 1) + " failed (exit " + exit + "):\n" + output.strip(), exit);
            }
            progress.detail("no SSH yet (" + output.strip() + "); trying again in " + pause.toSeconds() + " s");
            Thread.sleep(pause.toMillis());
        }
    }
}
