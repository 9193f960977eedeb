package org.classroom.desktop.logic.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.classroom.desktop.testing.Eventually.waitFor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.ResultStatus;
import org.classroom.common.model.VideoResult;
import org.classroom.desktop.model.Connection;
import org.classroom.desktop.model.ConnectionState;
import org.classroom.desktop.testing.TinyRelay;
import org.junit.jupiter.api.Test;

class RelayFeedTest {

    private static final Backoff QUICK = new Backoff(Duration.ofMillis(50), Duration.ofMillis(200));

    static VideoResult result(String video, String name) {
        return new VideoResult(video, ResultStatus.RECOGNISED,
                List.of(new RecognisedPerson(name, 1, "physics", "junior", 0.4, null, 0.0)),
                1, 0, null, null, Map.of(), Instant.now());
    }

    @Test
    void readsTheSnapshotThenTheStreamAndResumesFromTheLastEventAfterADrop() throws Exception {
        List<VideoResult> results = new CopyOnWriteArrayList<>();
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        try (TinyRelay relay = new TinyRelay("secret");
             RelayFeed feed = new RelayFeed(relay.url(), "secret", QUICK)) {
            relay.publish(result("test_0.mp4", "president_trump"));

            feed.start(results::add, c -> states.add(c.state()));
            waitFor("the feed", Duration.ofSeconds(10), () -> states.contains(ConnectionState.CONNECTED));
            relay.publish(result("test_1.mp4", "mr_bean"));
            waitFor("the feed", Duration.ofSeconds(10), () -> results.size() == 2);

            relay.dropStreams();
            relay.publish(result("test_2.mp4", "floki"));
            waitFor("the feed", Duration.ofSeconds(10), () -> results.size() == 3);

            assertThat(results).extracting(VideoResult::video).containsExactly("test_0.mp4", "test_1.mp4", "test_2.mp4");
            assertThat(relay.lastEventIds()).startsWith("", "2");
            assertThat(states).containsSubsequence(ConnectionState.CONNECTING, ConnectionState.CONNECTED,
                    ConnectionState.RECONNECTING, ConnectionState.CONNECTED);
        }
    }

    @Test
    void showsTheRelayLostWhileItIsDownAndConnectedWhenItIsBack() throws Exception {
        List<Connection> states = new CopyOnWriteArrayList<>();
        try (TinyRelay relay = new TinyRelay("secret");
             RelayFeed feed = new RelayFeed(relay.url(), "secret", QUICK)) {
            feed.start(r -> { }, states::add);
            waitFor("the feed", Duration.ofSeconds(10), () -> last(states) == ConnectionState.CONNECTED);

            relay.stop();
            waitFor("the feed", Duration.ofSeconds(10), () -> last(states) == ConnectionState.RECONNECTING);
            Thread.sleep(300);
            assertThat(last(states)).isEqualTo(ConnectionState.RECONNECTING);
            assertThat(states.get(states.size() - 1).detail()).contains("lost");

            relay.restart();
            waitFor("the feed", Duration.ofSeconds(10), () -> last(states) == ConnectionState.CONNECTED);
        }
    }

    @Test
    void aStreamSilentForLongerThanTheIdleTimeoutCountsAsLostAndIsReopened() throws Exception {
        List<Connection> states = new CopyOnWriteArrayList<>();
        try (TinyRelay relay = new TinyRelay("secret");
             RelayFeed feed = new RelayFeed(relay.url(), "secret", QUICK, Duration.ofMillis(400))) {
            feed.start(r -> { }, states::add);

            waitFor("the idle cut", Duration.ofSeconds(10), () -> states.stream()
                    .anyMatch(c -> c.state() == ConnectionState.RECONNECTING && c.detail().contains("nothing heard")));
            waitFor("the reconnection", Duration.ofSeconds(10), () -> relay.lastEventIds().size() >= 2);
        }
    }

    @Test
    void aWrongTokenIsReportedAsSuch() throws Exception {
        List<Connection> states = new CopyOnWriteArrayList<>();
        try (TinyRelay relay = new TinyRelay("secret");
             RelayFeed feed = new RelayFeed(relay.url(), "wrong", QUICK)) {
            feed.start(r -> { }, states::add);

            waitFor("the feed", Duration.ofSeconds(10), () -> states.stream().anyMatch(c -> c.detail().contains("token")));
            assertThat(states).noneMatch(c -> c.state() == ConnectionState.CONNECTED);
        }
    }

    private static ConnectionState last(List<Connection> states) {
        return states.isEmpty() ? null : states.get(states.size() - 1).state();
    }
}
