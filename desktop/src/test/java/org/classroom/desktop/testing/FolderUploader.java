package org.classroom.desktop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.classroom.desktop.logic.upload.ObjectUploader;

/**
 * An uploader that copies into a folder in chunks, on its own threads, so that progress, cancel,
 * failures and parallelism are real. Keys listed in {@link #failNext} fail once; while
 * {@link #hold} is closed, transfers stop after their first chunk.
 */
public final class FolderUploader implements ObjectUploader {

    public final Set<String> failNext = ConcurrentHashMap.newKeySet();
    public volatile CountDownLatch hold = new CountDownLatch(0);
    public final AtomicInteger running = new AtomicInteger();
    public final AtomicInteger mostAtOnce = new AtomicInteger();
    private final Path folder;

    public FolderUploader(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public Transfer start(Path file, String key, LongConsumer progress) {
        CompletableFuture<String> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> copy(file, key, progress, done), "folder-upload-" + key);
        thread.setDaemon(true);
        thread.start();
        return new Transfer() {
            @Override
            public CompletableFuture<String> done() {
                return done;
            }

            @Override
            public void cancel() {
                done.cancel(true);
                thread.interrupt();
            }
        };
    }

    private void copy(Path file, String key, LongConsumer progress, CompletableFuture<String> done) {
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        String etag = null;
        Exception failure = null;
        try {
            Path target = folder.resolve(key);
            Files.createDirectories(target.getParent());
            long sent = 0;
            try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(target)) {
                byte[] chunk = new byte[16];
                for (int n = in.read(chunk); n >= 0 && !done.isDone(); n = in.read(chunk)) {
                    out.write(chunk, 0, n);
                    sent += n;
                    progress.accept(sent);
                    hold.await();
                }
            }
            if (failNext.remove(key)) {
                Files.deleteIfExists(target);
                throw new IOException("the bucket said no (simulated)");
            }
            etag = HexFormat.of().formatHex(Files.readAllBytes(target), 0, 4);
        } catch (IOException | InterruptedException e) {
            failure = e;
        } finally {
            // counted out before completing: completion starts the next upload on this thread
            running.decrementAndGet();
        }
        if (failure instanceof InterruptedException) {
            done.cancel(true);
        } else if (failure != null) {
            done.completeExceptionally(failure);
        } else {
            done.complete(etag);
        }
    }

    @Override
    public String destination() {
        return folder.toString();
    }

    @Override
    public void close() {
    }
}
