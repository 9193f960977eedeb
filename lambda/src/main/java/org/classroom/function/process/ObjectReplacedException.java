package org.classroom.function.process;

/**
 * The object was replaced (or deleted) while its claimed version was being read. The message fails and is
 * retried, rather than the new version being read from where the old one stopped: the retry claims the
 * version then current and reads it from the start, and the new upload's own event finds it done.
 */
public final class ObjectReplacedException extends RuntimeException {

    public ObjectReplacedException(String key, String etag) {
        super(key + " changed while version " + etag + " was being read; the message will be retried for the new version");
    }
}
