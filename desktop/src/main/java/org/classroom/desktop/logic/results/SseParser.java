package org.classroom.desktop.logic.results;

import java.util.Optional;

/**
 * Reads the text/event-stream format line by line (the WHATWG rules: {@code field: value}, a blank
 * line ends an event, lines starting with a colon are comments, several {@code data} lines join with
 * a newline, the last id is remembered even across events).
 */
public final class SseParser {

    private String lastEventId;
    private String type;
    private StringBuilder data;
    private Long retryMillis;

    /** Takes one line (without its line ending); returns the event it completes, if any. */
    public Optional<SseEvent> line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
            }
            case "event" -> type = value;
            case "id" -> {
                if (!value.contains("\0")) {
                    lastEventId = value;
                }
            }
            case "retry" -> {
                if (value.matches("\\d+")) {
                    retryMillis = Long.parseLong(value);
                }
            }
            default -> {
                // unknown fields are ignored, as the format says
            }
        }
        return Optional.empty();
    }

    /** The id to send as {@code Last-Event-ID} when reconnecting; null before any. */
    public String lastEventId() {
        return lastEventId;
    }

    /** The reconnection delay the server asked for, if it did. */
    public Optional<Long> retryMillis() {
        return Optional.ofNullable(retryMillis);
    }

    /** Drops a half-read event (the connection ended in the middle of it). */
    public void reset() {
        type = null;
        data = null;
    }

    private Optional<SseEvent> dispatch() {
        if (data == null) {
            type = null;
            return Optional.empty();
        }
        SseEvent event = new SseEvent(lastEventId, type == null || type.isEmpty() ? "message" : type, data.toString());
        type = null;
        data = null;
        return Optional.of(event);
    }
}
