package org.classroom.localcloud.s3events;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.classroom.common.files.AtomicFiles;
import org.classroom.common.format.Json;

/** Each bucket's queue notifications; kept in a JSON file when the local cloud has a data folder. */
public final class NotificationStore {

    private final Map<String, List<QueueNotification>> byBucket = new TreeMap<>();
    private final Path file;

    /** @param file where to keep the configurations, or null to keep them in memory only */
    public NotificationStore(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) {
            try {
                byBucket.putAll(Json.mapper().readValue(file.toFile(),
                        new TypeReference<Map<String, List<QueueNotification>>>() { }));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the S3 notification settings in " + file
                        + " (delete the file to start without them)", e);
            }
        }
    }

    public synchronized List<QueueNotification> get(String bucket) {
        return byBucket.getOrDefault(bucket, List.of());
    }

    public synchronized void put(String bucket, List<QueueNotification> queues) {
        if (queues.isEmpty()) {
            byBucket.remove(bucket);
        } else {
            byBucket.put(bucket, List.copyOf(queues));
        }
        save();
    }

    public synchronized void remove(String bucket) {
        if (byBucket.remove(bucket) != null) {
            save();
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            AtomicFiles.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(byBucket));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the S3 notification settings to " + file, e);
        }
    }
}
