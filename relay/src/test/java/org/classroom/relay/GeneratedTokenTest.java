package org.classroom.relay;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A relay started without a token makes one, keeps it in an owner-only file and never logs it. */
class GeneratedTokenTest {

    @TempDir
    Path work;

    @Test
    void theGeneratedTokenGoesToAnOwnerOnlyFileAndNeverIntoTheLog() throws Exception {
        ClassroomConfig config = new ConfigLoader(Map.of(), work.resolve("none.properties")).load(Map.of())
                .withEndpoint(URI.create("http://127.0.0.1:" + unusedPort()));
        assertThat(config.relayToken()).isNull();
        Path results = work.resolve("relay/results");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        String token;
        try (Relay relay = Relay.start(config, RelayOptions.defaults().withHost("127.0.0.1").withPort(0)
                .withResultsDir(results).withWaitSeconds(1))) {
            token = relay.token();
        } finally {
            root.detachAppender(logs);
        }
        assertThat(logs.list).isNotEmpty().noneMatch(event -> event.getFormattedMessage().contains(token));
        Path tokenFile = work.resolve("relay/relay-token");
        assertThat(tokenFile).hasContent(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
        assertThat(logs.list).anyMatch(event -> event.getFormattedMessage().contains(tokenFile.toString()));

        // A restart keeps the token, so connected desktops stay connected.
        try (Relay again = Relay.start(config, RelayOptions.defaults().withHost("127.0.0.1").withPort(0)
                .withResultsDir(results).withWaitSeconds(1))) {
            assertThat(again.token()).isEqualTo(token);
        }
    }

    private static int unusedPort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
