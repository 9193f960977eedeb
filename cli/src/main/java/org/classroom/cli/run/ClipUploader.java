package org.classroom.cli.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.BiConsumer;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Uploads clips to the input bucket, several at once, the way the desktop does: through S3, so that the
 * upload notification starts the pipeline. Remembers when each upload finished.
 */
public final class ClipUploader {

    /** One file to upload under one key. */
    public record Upload(String key, Path file) {
    }

    /** A finished upload: when it finished and the ETag S3 gave the object. */
    public record Uploaded(Instant finishedAt, String etag) {
    }

    private final S3AsyncClient s3;
    private final String bucket;
    private final Semaphore inFlight;

    public ClipUploader(S3AsyncClient s3, String bucket, int parallel) {
        this.s3 = s3;
        this.bucket = bucket;
        this.inFlight = new Semaphore(parallel);
    }

    /**
     * Uploads everything and returns when all uploads ended; {@code onDone} hears of each as it ends
     * (with the failure, or null).
     *
     * @return each successful upload, by key
     */
    public Map<String, Uploaded> uploadAll(List<Upload> uploads, BiConsumer<Upload, Throwable> onDone) {
        Map<String, Uploaded> finished = new ConcurrentHashMap<>();
        CompletableFuture<?>[] futures = new CompletableFuture<?>[uploads.size()];
        for (int index = 0; index < uploads.size(); index++) {
            Upload upload = uploads.get(index);
            inFlight.acquireUninterruptibly();
            PutObjectRequest request = PutObjectRequest.builder()
                    .bucket(bucket).key(upload.key()).contentType("video/mp4").build();
            futures[index] = s3.putObject(request, AsyncRequestBody.fromFile(upload.file()))
                    .whenComplete((response, failure) -> {
                        inFlight.release();
                        if (failure == null) {
                            finished.put(upload.key(), new Uploaded(Instant.now(), response.eTag()));
                        }
                        onDone.accept(upload, failure instanceof CompletionException ? failure.getCause() : failure);
                    });
        }
        CompletableFuture.allOf(futures).handle((ignored, failure) -> null).join();
        return finished;
    }
}
