package org.classroom.function.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.classroom.common.events.ETags;
import org.classroom.common.format.EvidenceKeys;
import org.classroom.common.model.FrameBox;
import org.classroom.common.model.RecognisedPerson;
import org.classroom.common.model.UnknownPerson;
import org.classroom.common.model.VideoResult;
import org.classroom.face.evidence.BestFrame;
import org.classroom.face.evidence.FaceCrop;
import org.classroom.face.evidence.Filmstrip;
import org.classroom.function.runtime.Retrier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Keeps each person's face crop and best-view frame in the evidence bucket, encrypted with S3's keys, and names
 * their keys in the result ({@code crop}, {@code frame}); keeps the video's filmstrip beside its frames. The
 * output bucket is the course's and holds the CSV alone, so evidence lives apart. What cannot be stored leaves
 * that person without the key: the result itself matters more.
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

    /** The result with the key of every crop and frame that was stored; the filmstrip (may be null) beside them. */
    public VideoResult keep(VideoResult result, List<FaceCrop> crops, List<BestFrame> frames,
                            Filmstrip.Packed filmstrip) {
        VideoResult withCrops = keep(result, crops);
        Map<String, String> frameKeys = new HashMap<>();
        Map<String, Set<FrameBox>> seenIn = new HashMap<>();
        framesStored(withCrops, frames, frameKeys, seenIn);
        if (filmstrip != null && !frameKeys.isEmpty()) {
            keepFilmstrip(withCrops, filmstrip);
        }
        return withFrames(withCrops, frameKeys, seenIn);
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

    /**
     * Each distinct frame once (people may share one): the frame key of each person whose frame was stored, and
     * for each person, the stored frames of others they are in, with their box there.
     */
    private void framesStored(VideoResult result, List<BestFrame> frames, Map<String, String> keys,
                              Map<String, Set<FrameBox>> seenIn) {
        String etag = ETags.normalise(result.etag());
        Map<String, Boolean> stored = new HashMap<>();
        for (BestFrame frame : frames) {
            String key = EvidenceKeys.frameKey(result.video(), etag, frame.millis(), frame.frameWidth(),
                    frame.frameHeight());
            if (stored.computeIfAbsent(key, k -> put(k, frame.jpeg(), "image/jpeg"))) {
                keys.put(frame.person(), key);
                frame.others().forEach(other -> seenIn.computeIfAbsent(other.person(), p -> new LinkedHashSet<>())
                        .add(new FrameBox(key, other.box())));
            }
        }
        // a frame that is someone's own best view is no "other" frame for them
        seenIn.forEach((person, boxes) -> boxes.removeIf(seen -> seen.frame().equals(keys.get(person))));
    }

    /** The thumbnails first, then the index that points into them, so an index never names missing bytes. */
    private void keepFilmstrip(VideoResult result, Filmstrip.Packed filmstrip) {
        String etag = ETags.normalise(result.etag());
        if (put(EvidenceKeys.filmstripImagesKey(result.video(), etag), filmstrip.images(), "application/octet-stream")) {
            put(EvidenceKeys.filmstripIndexKey(result.video(), etag), filmstrip.index().toJson(), "application/json");
        }
    }

    private static VideoResult withFrames(VideoResult result, Map<String, String> keys,
                                          Map<String, Set<FrameBox>> seenIn) {
        if (keys.isEmpty()) {
            return result;
        }
        List<RecognisedPerson> people = result.people().stream()
                .map(person -> person.withFrame(keys.get(person.name()))
                        .withSeenIn(List.copyOf(seenIn.getOrDefault(person.name(), Set.of()))))
                .toList();
        List<UnknownPerson> unknown = new ArrayList<>();
        for (int i = 0; i < result.unknownPeople().size(); i++) {
            String label = EvidenceKeys.unknownPerson(i + 1);
            unknown.add(result.unknownPeople().get(i).withFrame(keys.get(label))
                    .withSeenIn(List.copyOf(seenIn.getOrDefault(label, Set.of()))));
        }
        return result.withPeople(people).withUnknownPeople(unknown);
    }

    private boolean put(String key, byte[] jpeg) {
        return put(key, jpeg, "image/jpeg");
    }

    private boolean put(String key, byte[] bytes, String contentType) {
        try {
            retrier.run(() -> s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType)
                    .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromBytes(bytes)));
            return true;
        } catch (SdkException e) {
            LOG.warn("the evidence {} could not be kept in {}: {}", key, bucket, e.getMessage());
            return false;
        }
    }
}
