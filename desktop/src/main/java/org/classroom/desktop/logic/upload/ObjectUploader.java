package org.classroom.desktop.logic.upload;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/** Puts one file into the input bucket, reporting bytes sent as it goes. */
public interface ObjectUploader extends AutoCloseable {

    /**
     * Starts an upload. {@code progress} receives the bytes transferred so far, from any thread.
     * The returned transfer completes with the object's ETag, or exceptionally with the reason.
     */
    Transfer start(Path file, String key, LongConsumer progress);

    /** Where the uploads go, for messages ({@code s3://bucket}). */
    String destination();

    @Override
    void close();

    /** A running upload. */
    interface Transfer {
        CompletableFuture<String> done();

        void cancel();
    }
}
