package org.classroom.system.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.classroom.common.config.ConfigLoader;
import org.classroom.localsystem.LocalSystem;
import org.classroom.localsystem.LocalSystemOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running local system can be reached from this machine only, and only by requests addressed to it. */
class ExposureTest {

    @Test
    void aRunningLocalSystemListensOnLoopbackOnlyAndRefusesRequestsForOtherHosts(@TempDir Path folder) throws Exception {
        try (LocalSystem system = LocalSystem.start(new ConfigLoader(Map.of(), folder.resolve("none.properties")).load(Map.of()),
                LocalSystemOptions.ephemeral(null, folder.resolve("results")))) {
            var sockets = ListeningSockets.ofThisProcess();

            // The edge, the three stand-ins and the relay's API at least.
            assertThat(sockets).hasSizeGreaterThanOrEqualTo(5);
            assertThat(sockets).as("listening beyond loopback").allSatisfy(socket -> assertThat(socket.loopback()).as(socket.toString()).isTrue());

            URI endpoint = system.cloud().endpoint();
            String refusal = "answers requests to 127.0.0.1 or localhost only";
            assertThat(reply(endpoint, "evil.example:" + endpoint.getPort())).startsWith("HTTP/1.1 403").contains(refusal);
            // Addressed to this machine it gets past the check (and then needs a key, as any request does).
            assertThat(reply(endpoint, "127.0.0.1:" + endpoint.getPort())).doesNotContain(refusal).contains("InvalidAccessKeyId");
            assertThat(reply(endpoint, "localhost:" + endpoint.getPort())).doesNotContain(refusal);
        }
    }

    /** A bare S3 ListBuckets with the given Host header, as a web page rebinding a name to 127.0.0.1 would send it. */
    private static String reply(URI endpoint, String host) throws Exception {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
