package org.classroom.desktop.viewmodel;

import java.util.concurrent.CompletionException;

/** How a failed background task is told to the user. */
public final class Failures {

    private Failures() {
    }

    /** The message of the first cause that has one, past the wrappers that futures add. */
    public static String message(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && (cause instanceof CompletionException || cause.getMessage() == null)) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
