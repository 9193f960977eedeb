package org.classroom.desktop.logic.upload;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.FileUpload;
import software.amazon.awssdk.transfer.s3.model.UploadFileRequest;
import software.amazon.awssdk.transfer.s3.progress.TransferListener;

/**
 * Uploads with the SDK's S3 transfer manager over the multipart-capable async client, so large clips
 * go up in parts, in parallel, and small ones in one PUT.
 */
public final class TransferManagerUploader implements ObjectUploader {

    private final S3AsyncClient s3;
    private final S3TransferManager transferManager;
    private final String bucket;

    public TransferManagerUploader(S3AsyncClient s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
        this.transferManager = S3TransferManager.builder().s3Client(s3).build();
    }

    @Override
    public Transfer start(Path file, String key, LongConsumer progress) {
        UploadFileRequest request = UploadFileRequest.builder()
                .putObjectRequest(put -> put.bucket(bucket).key(key).contentType("video/mp4"))
                .source(file)
                .addTransferListener(new TransferListener() {
                    @Override
                    public void bytesTransferred(Context.BytesTransferred context) {
                        progress.accept(context.progressSnapshot().transferredBytes());
                    }
                })
                .build();
        FileUpload upload = transferManager.uploadFile(request);
        CompletableFuture<String> done = upload.completionFuture()
                .thenApply(completed -> completed.response().eTag());
        return new Transfer() {
            @Override
            public CompletableFuture<String> done() {
                return done;
            }

            @Override
            public void cancel() {
                upload.completionFuture().cancel(true);
            }
        };
    }

    @Override
    public String destination() {
        return "s3://" + bucket;
    }

    @Override
    public void close() {
        transferManager.close();
        s3.close();
    }
}
