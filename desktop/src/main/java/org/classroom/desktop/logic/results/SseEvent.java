package org.classroom.desktop.logic.results;

/** One server-sent event: its id (may be null), its type ({@code message} when none was given) and data. */
public record SseEvent(String id, String type, String data) {
}
