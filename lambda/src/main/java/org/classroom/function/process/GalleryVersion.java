package org.classroom.function.process;

/** The gallery's fingerprint, for the ledger to tell whether a stored result was matched against today's gallery. */
public interface GalleryVersion {

    /** As this container has it (cached). */
    String current();

    /** As the table has it now (read again). */
    String fresh();
}
