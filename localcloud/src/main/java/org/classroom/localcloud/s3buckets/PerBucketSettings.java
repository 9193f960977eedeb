package org.classroom.localcloud.s3buckets;

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

/**
 * A list of settings per bucket that local-s3 does not keep itself (notifications, lifecycle rules), held by the
 * edge and written whole to a JSON file after each change when the local cloud has a data folder.
 *
 * @param <T> one setting (a queue notification, an expiry rule)
 */
public final class PerBucketSettings<T> {

    private final Map<String, List<T>> byBucket = new TreeMap<>();
    private final Path file;
    private final String what;

    /**
     * @param file where to keep them, or null to keep them in memory only
     * @param type the file's JSON shape
     * @param what what they are, for errors ("S3 lifecycle rules")
     */
    public PerBucketSettings(Path file, TypeReference<Map<String, List<T>>> type, String what) {
        this.file = file;
        this.what = what;
        if (file != null && Files.exists(file)) {
            try {
                byBucket.putAll(Json.mapper().readValue(file.toFile(), type));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the " + what + " in " + file
                        + " (delete the file to start without them)", e);
            }
        }
    }

    /** The bucket's settings, empty when it has none. */
    public synchronized List<T> get(String bucket) {
        return byBucket.getOrDefault(bucket, List.of());
    }

    /** A copy of every bucket's settings. */
    public synchronized Map<String, List<T>> all() {
        return Map.copyOf(byBucket);
    }

    public synchronized void put(String bucket, List<T> settings) {
        byBucket.put(bucket, List.copyOf(settings));
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
            throw new UncheckedIOException("could not save the " + what + " to " + file, e);
        }
    }
}
