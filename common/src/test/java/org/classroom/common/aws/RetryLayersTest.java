package org.classroom.common.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.classroom.common.config.ClassroomConfig;
import org.classroom.common.config.ConfigLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;

/** Attempts do not multiply: clients for a caller that retries make one attempt per call. */
class RetryLayersTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private ClassroomConfig config;

    @BeforeEach
    void unavailableService() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "{\"__type\":\"ServiceUnavailable\",\"message\":\"down\"}".getBytes();
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        config = new ConfigLoader(Map.of(), Path.of("/nonexistent/classroom.properties")).load(Map.of())
                .withEndpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void clientsForACallerThatRetriesTryOnceAndOthersUseTheSdksRetries() {
        try (var dynamoDb = AwsClients.retriedByCaller(config).dynamoDb()) {
            assertThatThrownBy(() -> dynamoDb.listTables()).isInstanceOf(SdkException.class);
        }
        assertThat(requests.getAndSet(0)).isEqualTo(1);

        try (var dynamoDb = new AwsClients(config).dynamoDb()) {
            assertThatThrownBy(() -> dynamoDb.listTables()).isInstanceOf(SdkException.class);
        }
        assertThat(requests.get()).as("the SDK's standard mode: three attempts").isEqualTo(3);
    }
}
