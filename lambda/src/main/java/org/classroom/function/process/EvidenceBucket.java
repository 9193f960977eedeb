package org.classroom.function.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.classroom.common.events.ETags;
import org.classroom.common.format.EvidenceKeys;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.face.evidence.FaceCrop;
import org.classroom.function.runtime.Retrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Keeps each person's face crop in the evidence bucket, encrypted with S3's keys, and names its key in the
 * result ({@code crop}). The output bucket is the course's and holds the CSV alone, so crops live apart. A
 * crop that cannot be stored leaves that person without a {@code crop}: the result itself matters more.
 */
public final class EvidenceBucket {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceBucket.class);

    private final S3Client s3;
    private final String bucket;
    private final Retrier retrier;

    public EvidenceBucket(S3Client s3, String bucket, Retrier retrier) {
        this.s3 = s3;
        this.bucket = bucket;
        this.retrier = retrier;
    }

    /** The result with the key of every crop that was stored. */
    public VideoResult keep(VideoResult result, List<FaceCrop> crops) {
        Map<String, String> keys = new HashMap<>();
        for (FaceCrop crop : crops) {
            String key = EvidenceKeys.cropKey(result.video(), ETags.normalise(result.etag()), crop.person());
            if (put(key, crop.jpeg())) {
                keys.put(crop.person(), key);
            }
        }
        if (keys.isEmpty()) {
            return result;
        }
        List<RecognisedPerson> people = result.people().stream()
                .map(person -> keys.containsKey(person.name()) ? person.withCrop(keys.get(person.name())) : person)
                .toList();
        List<UnknownPerson> unknown = new ArrayList<>();
        for (int i = 0; i < result.unknownPeople().size(); i++) {
            String key = keys.get(EvidenceKeys.unknownPerson(i + 1));
            UnknownPerson person = result.unknownPeople().get(i);
            unknown.add(key == null ? person : person.withCrop(key));
        }
        return result.withPeople(people).withUnknownPeople(unknown);
    }

    private boolean put(String key, byte[] jpeg) {
        try {
            retrier.run(() -> s3.putObject(request -> request.bucket(bucket).key(key).contentType("image/jpeg")
                    .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromBytes(jpeg)));
            return true;
        } catch (SdkException e) {
            LOG.warn("the face crop {} could not be kept in {}: {}", key, bucket, e.getMessage());
            return false;
        }
    }
}
