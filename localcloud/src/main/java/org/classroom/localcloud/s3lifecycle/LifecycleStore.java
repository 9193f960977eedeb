package org.classroom.localcloud.s3lifecycle;

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

/** Each bucket's lifecycle rules; kept in a JSON file when the local cloud has a data folder. */
public final class LifecycleStore {

    private final Map<String, List<ExpiryRule>> byBucket = new TreeMap<>();
    private final Path file;

    /** @param file where to keep the rules, or null to keep them in memory only */
    public LifecycleStore(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) {
            try {
                byBucket.putAll(Json.mapper().readValue(file.toFile(), new TypeReference<Map<String, List<ExpiryRule>>>() { }));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the S3 lifecycle rules in " + file
                        + " (delete the file to start without them)", e);
            }
        }
    }

    /** The bucket's rules, empty when it has no lifecycle configuration. */
    public synchronized List<ExpiryRule> get(String bucket) {
        return byBucket.getOrDefault(bucket, List.of());
    }

    /** A copy of every bucket's rules, for a sweep that must not hold the lock while it deletes. */
    public synchronized Map<String, List<ExpiryRule>> all() {
        return Map.copyOf(byBucket);
    }

    public synchronized void put(String bucket, List<ExpiryRule> rules) {
        byBucket.put(bucket, List.copyOf(rules));
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
            throw new UncheckedIOException("could not save the S3 lifecycle rules to " + file, e);
        }
    }
}
