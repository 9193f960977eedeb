package org.classroom.desktop.logic.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classroom.desktop.testing.Eventually.waitFor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.model.Connection;
import org.classroom.desktop.model.ConnectionState;
import org.classroom.desktop.testing.SelfSignedKeystore;
import org.classroom.desktop.testing.TinyRelay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay with a self-signed certificate, as deployed: the desktop reaches it over HTTPS when the settings pin
 * that certificate's fingerprint, and refuses another certificate, saying both fingerprints.
 */
class PinnedRelayFeedTest {

    private static final Backoff QUICK = new Backoff(Duration.ofMillis(50), Duration.ofMillis(200));

    @TempDir
    Path folder;

    @Test
    void connectsToASelfSignedRelayWhoseCertificateIsPinned() throws Exception {
        SelfSignedKeystore certificate = new SelfSignedKeystore(folder, "classroom-relay");
        List<VideoResult> results = new CopyOnWriteArrayList<>();
        List<Connection> states = new CopyOnWriteArrayList<>();
        try (TinyRelay relay = new TinyRelay("secret", certificate.serverContext());
             RelayFeed feed = new RelayFeed(relay.url(), "secret", certificate.fingerprint().toLowerCase().replace(":", ""),
                     QUICK, RelayFeed.DEFAULT_IDLE_TIMEOUT)) {
            relay.publish(RelayFeedTest.result("test_0.mp4", "president_trump"));
            feed.start(results::add, states::add);
            waitFor("the pinned feed", Duration.ofSeconds(10), () -> results.size() == 1
                    && states.get(states.size() - 1).state() == ConnectionState.CONNECTED);
            assertThat(relay.url().getScheme()).isEqualTo("https");
        }
    }

    @Test
    void refusesARelayWithAnotherCertificateNamingBothFingerprints() throws Exception {
        SelfSignedKeystore pinned = new SelfSignedKeystore(folder, "classroom-relay");
        SelfSignedKeystore presented = new SelfSignedKeystore(folder, "impostor");
        List<Connection> states = new CopyOnWriteArrayList<>();
        try (TinyRelay relay = new TinyRelay("secret", presented.serverContext());
             RelayFeed feed = new RelayFeed(relay.url(), "secret", pinned.fingerprint(), QUICK, RelayFeed.DEFAULT_IDLE_TIMEOUT)) {
            feed.start(r -> { }, states::add);
            waitFor("the refusal", Duration.ofSeconds(10), () -> states.size() >= 2);
            assertThat(states.get(1).state()).isEqualTo(ConnectionState.CONNECTING);
            assertThat(states.get(1).detail()).contains("not the pinned one", presented.fingerprint(), pinned.fingerprint());
            assertThat(states).noneMatch(state -> state.state() == ConnectionState.CONNECTED);
        }
    }

    @Test
    void withoutAPinASelfSignedRelayIsNotTrusted() throws Exception {
        SelfSignedKeystore certificate = new SelfSignedKeystore(folder, "classroom-relay");
        List<Connection> states = new CopyOnWriteArrayList<>();
        try (TinyRelay relay = new TinyRelay("secret", certificate.serverContext());
             RelayFeed feed = new RelayFeed(relay.url(), "secret", QUICK)) {
            feed.start(r -> { }, states::add);
            waitFor("the refusal", Duration.ofSeconds(10), () -> states.size() >= 2);
            assertThat(states).noneMatch(state -> state.state() == ConnectionState.CONNECTED);
        }
    }
}
