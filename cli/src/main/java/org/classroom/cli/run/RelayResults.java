package org.classroom.cli.run;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.classroom.common.format.Json;
import org.classroom.common.model.VideoResult;
import org.classroom.common.tls.RelayHttp;

/** Reads the relay's results API ({@code GET /api/results}) with its bearer token, pinning its certificate if told to. */
public final class RelayResults implements ResultSource {

    private static final TypeReference<List<VideoResult>> RESULTS = new TypeReference<>() {
    };

    private final HttpClient http;
    private final URI results;
    private final String token;

    /** {@code fingerprint}: the relay certificate's SHA-256 to trust alone (relay.fingerprint), or null for the JDK's CAs. */
    public RelayResults(URI relay, String token, String fingerprint) {
        this.results = relay.resolve("/api/results");
        this.token = token;
        this.http = RelayHttp.client(fingerprint);
    }

    @Override
    public List<VideoResult> current() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(results).timeout(Duration.ofSeconds(10)).GET();
        Optional.ofNullable(token).filter(value -> !value.isBlank())
                .ifPresent(value -> request.header("Authorization", "Bearer " + value));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 401) {
            throw new IOException("the relay at " + results + " refused the token (401): check relay.token");
        }
        if (response.statusCode() != 200) {
            throw new IOException("the relay at " + results + " answered " + response.statusCode());
        }
        return Json.mapper().readValue(response.body(), RESULTS);
    }

    @Override
    public String describe() {
        return "the relay at " + results;
    }
}
