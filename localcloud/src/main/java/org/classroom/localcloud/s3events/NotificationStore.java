package org.classroom.localcloud.s3events;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.util.List;
import org.classroom.localcloud.s3buckets.PerBucketSettings;

/** Each bucket's queue notifications; kept in a JSON file when the local cloud has a data folder. */
public final class NotificationStore {

    private final PerBucketSettings<QueueNotification> queues;

    /** @param file where to keep the configurations, or null to keep them in memory only */
    public NotificationStore(Path file) {
        this.queues = new PerBucketSettings<>(file, new TypeReference<>() { }, "S3 notification settings");
    }

    public List<QueueNotification> get(String bucket) {
        return queues.get(bucket);
    }

    /** An empty configuration is how S3 clients turn notifications off: the bucket then has none. */
    public void put(String bucket, List<QueueNotification> bucketQueues) {
        if (bucketQueues.isEmpty()) {
            queues.remove(bucket);
        } else {
            queues.put(bucket, bucketQueues);
        }
    }

    public void remove(String bucket) {
        queues.remove(bucket);
    }
}
