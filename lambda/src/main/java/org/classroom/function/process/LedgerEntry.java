package org.classroom.function.process;

/**
 * What the output bucket already holds for a video: the JSON result's source ETag and whether its
 * queue message was sent. Kept as metadata of the JSON result object, so the result is its own ledger.
 */
public record LedgerEntry(String sourceEtag, boolean sent) {

    /** What to do with an event for an object version, given what was already done for that key. */
    public enum Decision {
        /** Nothing done for this version: run the engine, write, send. */
        PROCESS,
        /** Written but the message may not have gone out (a crash between the two): send it once more. */
        RESEND,
        /** Written and sent: a duplicate event, nothing to do. */
        DONE
    }

    public static Decision decide(LedgerEntry existing, String etag) {
        if (existing == null || existing.sourceEtag() == null || etag == null || !existing.sourceEtag().equals(etag)) {
            return Decision.PROCESS;
        }
        return existing.sent() ? Decision.DONE : Decision.RESEND;
    }
}
