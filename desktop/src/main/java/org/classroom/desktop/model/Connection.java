package org.classroom.desktop.model;

/** The state of the results feed with a sentence for the user. */
public record Connection(ConnectionState state, String detail) {

    public static Connection offline(String detail) {
        return new Connection(ConnectionState.OFFLINE, detail);
    }
}
