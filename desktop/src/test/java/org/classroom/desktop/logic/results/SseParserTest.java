package org.classroom.desktop.logic.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private static List<SseEvent> parse(SseParser parser, String stream) {
        List<SseEvent> events = new ArrayList<>();
        for (String line : stream.split("\n", -1)) {
            parser.line(line).ifPresent(events::add);
        }
        return events;
    }

    @Test
    void readsIdTypeAndDataAndJoinsDataLines() {
        SseParser parser = new SseParser();

        List<SseEvent> events = parse(parser, "id: 7\nevent: result\ndata: {\"a\":\ndata: 1}\n\n: keep-alive\n\ndata:plain\n\n");

        assertThat(events).containsExactly(
                new SseEvent("7", "result", "{\"a\":\n1}"),
                new SseEvent("7", "message", "plain"));
        assertThat(parser.lastEventId()).isEqualTo("7");
    }

    @Test
    void anEventWithoutDataIsNotDispatchedButItsIdCounts() {
        SseParser parser = new SseParser();

        List<SseEvent> events = parse(parser, "id: 3\nevent: result\n\nretry: 1500\n\n");

        assertThat(events).isEmpty();
        assertThat(parser.lastEventId()).isEqualTo("3");
        assertThat(parser.retryMillis()).contains(1500L);
    }

    @Test
    void resetDropsAHalfReadEvent() {
        SseParser parser = new SseParser();
        parse(parser, "event: result\ndata: half");

        parser.reset();

        assertThat(parse(parser, "data: whole\n\n")).containsExactly(new SseEvent(null, "message", "whole"));
    }
}
