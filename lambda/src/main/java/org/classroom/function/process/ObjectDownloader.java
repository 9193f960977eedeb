package org.classroom.function.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.classroom.common.events.ETags;
import org.classroom.function.event.ObjectRef;
import org.classroom.function.runtime.Retrier;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Reads input objects: an enrolment photo is streamed to a file under the temporary folder ({@code /tmp}
 * in Lambda), never held whole in memory (a broken transfer is retried from the start; the file is removed
 * on failure); a video is read by ranges where it lies ({@link #reader}).
 */
public final class ObjectDownloader {

    private final S3Client s3;
    private final Path folder;
    private final Retrier retrier;

    public ObjectDownloader(S3Client s3, Path folder, Retrier retrier) {
        this.s3 = s3;
        this.folder = folder;
        this.retrier = retrier;
    }

    /** The object in a temporary file, or empty when it no longer exists. */
    public Optional<DownloadedObject> download(ObjectRef ref) {
        return retrier.call(() -> {
            Path file = Files.createTempFile(folder, "classroom-", suffix(ref.key()));
            try (ResponseInputStream<GetObjectResponse> in = s3.getObject(request -> request.bucket(ref.bucket()).key(ref.key()))) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                GetObjectResponse response = in.response();
                return Optional.of(new DownloadedObject(file, ETags.normalise(response.eTag()), lowerCase(response.metadata())));
            } catch (S3Exception e) {
                Files.deleteIfExists(file);
                if (e.statusCode() == 404) {
                    return Optional.empty();
                }
                throw e;
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e instanceof IOException io ? new UncheckedIOException(io) : e;
            }
        });
    }

    /** The given version of the object, read by ranges as it is needed, for a video of any size. */
    public RangedObject reader(ObjectRef ref, ObjectHead version) {
        return new RangedObject(s3, ref, version, retrier);
    }

    /** The input object's current version: its ETag and size; empty when it does not exist. */
    public Optional<ObjectHead> current(ObjectRef ref) {
        return retrier.call(() -> {
            try {
                HeadObjectResponse head = s3.headObject(request -> request.bucket(ref.bucket()).key(ref.key()));
                return Optional.of(new ObjectHead(ETags.normalise(head.eTag()), head.contentLength() == null ? -1 : head.contentLength()));
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** How much space the temporary folder has left, for a download to fit in. */
    public long usableSpace() {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Keeps a short, plain extension so that tools that look at file names see the right kind. */
    static String suffix(String key) {
        String name = key.substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return ".bin";
        }
        String extension = name.substring(dot + 1);
        return extension.matches("[A-Za-z0-9]{1,8}") ? "." + extension.toLowerCase(Locale.ROOT) : ".bin";
    }

    private static Map<String, String> lowerCase(Map<String, String> metadata) {
        Map<String, String> lower = new HashMap<>();
        metadata.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), value));
        return lower;
    }
}
