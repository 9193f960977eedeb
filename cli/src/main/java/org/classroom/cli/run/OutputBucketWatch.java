package org.classroom.cli.run;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.classroom.common.format.VideoKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Watches the output bucket the way the course's grader does: lists it, and reads each expected video's
 * object when it first appears. For a real account, where the results folder is on the relay's VM.
 */
public final class OutputBucketWatch implements ResultWatch {

    private static final Logger LOG = LoggerFactory.getLogger(OutputBucketWatch.class);

    private final S3Client s3;
    private final String bucket;
    private final Map<String, String> videoByObject = new HashMap<>();
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Removes any earlier object of these videos first, as the grader clears the bucket, so that only new results count. */
    public OutputBucketWatch(S3Client s3, String bucket, List<String> videoKeys) {
        this.s3 = s3;
        this.bucket = bucket;
        videoKeys.forEach(key -> videoByObject.put(VideoKeys.outputKey(key), key));
        videoByObject.keySet().forEach(key -> s3.deleteObject(request -> request.bucket(bucket).key(key)));
        this.thread = new Thread(this::poll, "output-bucket-watch");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public Map<String, Seen> seen() {
        return seen;
    }

    @Override
    public boolean complete() {
        return seen.size() == videoByObject.size();
    }

    private void poll() {
        while (running && !complete()) {
            try {
                for (S3Object object : s3.listObjectsV2Paginator(request -> request.bucket(bucket)).contents()) {
                    String video = videoByObject.get(object.key());
                    if (video != null && !seen.containsKey(video)) {
                        Instant at = Instant.now();
                        String content = s3.getObjectAsBytes(request -> request.bucket(bucket).key(object.key())).asUtf8String();
                        seen.put(video, new Seen(at, content));
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("listing s3://{} failed: {}; trying again", bucket, e.getMessage());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
