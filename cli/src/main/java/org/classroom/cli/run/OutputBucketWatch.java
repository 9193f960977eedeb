package org.classroom.cli.run;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.classroom.common.format.VideoKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Watches the output bucket the way the course's grader does: lists it, and reads each expected video's
 * object when it first appears. For a real account, where the results folder is on the relay's VM.
 */
public final class OutputBucketWatch extends PollingWatch {

    private static final Logger LOG = LoggerFactory.getLogger(OutputBucketWatch.class);

    private final S3Client s3;
    private final String bucket;
    private final Map<String, String> videoByObject;
    private boolean failing;

    /** Removes any earlier object of these videos first, as the grader clears the bucket, so that only new results count. */
    public OutputBucketWatch(S3Client s3, String bucket, List<String> videoKeys) {
        this(s3, bucket, objectsOf(videoKeys));
    }

    private OutputBucketWatch(S3Client s3, String bucket, Map<String, String> videoByObject) {
        super(videoByObject.size(), Duration.ofMillis(250), "output-bucket-watch");
        this.s3 = s3;
        this.bucket = bucket;
        this.videoByObject = videoByObject;
        videoByObject.keySet().forEach(key -> s3.deleteObject(request -> request.bucket(bucket).key(key)));
        start();
    }

    @Override
    void lookOnce(Map<String, Seen> found) {
        try {
            for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(bucket)).contents()) {
                String video = videoByObject.get(object.key());
                if (video != null && !found.containsKey(video)) {
                    Instant at = Instant.now();
                    found.put(video, new Seen(at, s3.getObjectAsBytes(request -> request.bucket(bucket).key(object.key())).asUtf8String()));
                }
            }
            if (failing) {
                LOG.warn("s3://{} can be listed again", bucket);
                failing = false;
            }
        } catch (RuntimeException e) {
            // Said once, not four times a second: the system may be down for a while (a restart).
            if (!failing) {
                LOG.warn("listing s3://{} failed: {}; trying again until it answers", bucket, e.getMessage());
                failing = true;
            }
        }
    }

    private static Map<String, String> objectsOf(List<String> videoKeys) {
        Map<String, String> videoByObject = new HashMap<>();
        videoKeys.forEach(key -> videoByObject.put(VideoKeys.outputKey(key), key));
        return videoByObject;
    }
}
