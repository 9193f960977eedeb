package org.classroom.function.process;

/**
 * Another invocation holds the claim on this object version and has not finished (or has not yet been
 * found dead). The message fails so that the queue brings it back after its visibility timeout, by
 * which time the video is either done (a duplicate then) or its claim is stale and can be taken over.
 */
public final class VersionInProgressException extends RuntimeException {

    public VersionInProgressException(String key) {
        super(key + " is being processed by another invocation; the message will be retried after the queue's visibility timeout");
    }
}
