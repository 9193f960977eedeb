package org.classroom.localcloud.s3lifecycle;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.classroom.localcloud.s3buckets.PerBucketSettings;

/** Each bucket's lifecycle rules; kept in a JSON file when the local cloud has a data folder. */
public final class LifecycleStore {

    private final PerBucketSettings<ExpiryRule> rules;

    /** @param file where to keep the rules, or null to keep them in memory only */
    public LifecycleStore(Path file) {
        this.rules = new PerBucketSettings<>(file, new TypeReference<>() { }, "S3 lifecycle rules");
    }

    /** The bucket's rules, empty when it has no lifecycle configuration. */
    public List<ExpiryRule> get(String bucket) {
        return rules.get(bucket);
    }

    /** A copy of every bucket's rules, for a sweep that must not hold the lock while it deletes. */
    public Map<String, List<ExpiryRule>> all() {
        return rules.all();
    }

    public void put(String bucket, List<ExpiryRule> bucketRules) {
        rules.put(bucket, bucketRules);
    }

    public void remove(String bucket) {
        rules.remove(bucket);
    }
}
