package org.classroom.desktop.logic.corrections;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.classroom.common.format.EnrolmentKeys;
import org.classroom.common.format.FaceReference;
import org.classroom.common.model.FaceBox;
import org.classroom.common.students.EnrolledFaces;
import org.classroom.common.students.FaceRejection;
import org.classroom.common.students.FaceRejections;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Corrections in the account, so they take the same way as every upload (S3 event, queue, relay, function)
 * on a local system and on an account alike: a face is enrolled by a small {@link FaceReference} upload; a
 * wrong match is recorded on the student's row ({@link FaceRejections}), where every later run of the video
 * and every desktop sees it; and a clip is matched again by copying it onto itself (a new upload event for
 * the same bytes, which the function matches again because the gallery or the corrections changed since).
 */
public final class CloudCorrections implements FaceCorrections {

    /** Set on the copy, which S3 refuses to make unless something about the object changes. */
    static final String MATCHED_AGAIN_METADATA = "matched-again";

    private final S3Client s3;
    private final String inputBucket;
    private final FaceRejections rejections;
    private final EnrolledFaces enrolledFaces;
    private final AutoCloseable resources;

    public CloudCorrections(S3Client s3, String inputBucket, FaceRejections rejections, EnrolledFaces enrolledFaces,
                            AutoCloseable resources) {
        this.enrolledFaces = enrolledFaces;
        this.s3 = s3;
        this.inputBucket = inputBucket;
        this.rejections = rejections;
        this.resources = resources;
    }

    @Override
    public String enrolFace(String student, String video, String resultEtag, double frameSeconds, FaceBox box) {
        // The version the box belongs to: the function refuses if the clip was replaced meanwhile.
        String etag = resultEtag != null ? resultEtag : current(video).eTag();
        FaceReference reference = new FaceReference(UUID.randomUUID().toString(), video, etag, frameSeconds, box);
        String key = EnrolmentKeys.faceKey(student, reference.request());
        s3.putObject(request -> request.bucket(inputBucket).key(key).contentType("application/json"),
                RequestBody.fromBytes(reference.toJson()));
        return key;
    }

    @Override
    public String reject(String student, String video, double frameSeconds, FaceBox box) {
        FaceRejection rejection = new FaceRejection(UUID.randomUUID().toString(), student, video, frameSeconds, box);
        rejections.add(rejection);
        return rejection.id();
    }

    @Override
    public void unenrolFace(String student, String enrolmentKey) {
        enrolledFaces.remove(student, EnrolmentKeys.faceRequest(enrolmentKey));
    }

    @Override
    public void unreject(String student, String id) {
        rejections.remove(student, id);
    }

    @Override
    public void matchAgain(String video) {
        // A copy replaces the object's metadata: its content type is carried over.
        String contentType = current(video).contentType();
        s3.copyObject(request -> request.sourceBucket(inputBucket).sourceKey(video)
                .destinationBucket(inputBucket).destinationKey(video)
                .metadataDirective(MetadataDirective.REPLACE)
                .contentType(contentType)
                .metadata(Map.of(MATCHED_AGAIN_METADATA, Instant.now().toString())));
    }

    /** The video as the input bucket has it now; a clear error when it is gone. */
    private HeadObjectResponse current(String video) {
        try {
            return s3.headObject(request -> request.bucket(inputBucket).key(video));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new IllegalStateException(video + " is no longer in s3://" + inputBucket + "; upload it again", e);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        s3.close();
        try {
            resources.close();
        } catch (Exception e) {
            // closing clients: nothing the user can do about it
        }
    }
}
