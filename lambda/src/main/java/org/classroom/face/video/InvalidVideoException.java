package org.classroom.face.video;

/** The input is not a video the engine can read; the message says why, in words for the user. */
public final class InvalidVideoException extends Exception {

    public InvalidVideoException(String reason) {
        super(reason);
    }

    public InvalidVideoException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
