package org.classroom.desktop.model;

/** How the app is getting its results. */
public enum ConnectionState {
    /** Not started, or stopped. */
    OFFLINE,
    /** First attempt to reach the relay. */
    CONNECTING,
    /** The relay's event stream is open. */
    CONNECTED,
    /** The stream ended or could not be opened; trying again. */
    RECONNECTING,
    /** No relay configured: reading the results table. */
    POLLING
}
