package org.classroom.localcloud.standins;

import com.robothy.s3.core.model.internal.BucketMetadata;
import com.robothy.s3.core.service.BucketService;
import com.robothy.s3.core.service.ObjectService;
import com.robothy.s3.core.storage.MetadataStore;
import com.robothy.s3.core.util.JsonUtils;
import com.robothy.s3.rest.service.ServiceFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * local-s3's index of a bucket's objects (one JSON file per bucket, rewritten whole after every change), written so that
 * a crash cannot cut it short: to a file of its own beside it, then moved over the old one in one step. local-s3
 * rewrites the file in place, and a process killed during that write left an index that no longer parses, so
 * the local cloud could not start again on its data (seen in the fault run: serve killed mid-way, then not coming up).
 * Reading, listing and deleting stay local-s3's own.
 */
final class CrashSafeBucketIndex implements MetadataStore<BucketMetadata> {

    /** local-s3's name for a bucket's index file: the bucket's name and this. */
    static final String SUFFIX = ".bucket.meta";

    private final MetadataStore<BucketMetadata> store;
    private final Path folder;

    private CrashSafeBucketIndex(MetadataStore<BucketMetadata> store, Path folder) {
        this.store = store;
        this.folder = folder;
    }

    /**
     * Puts this in place of the store local-s3's bucket and object services write through (the store each
     * service's invocation handler holds). local-s3 offers no way to give it one, hence reflection; a later
     * local-s3 that is built otherwise fails here, at start, not with a crash later.
     */
    @SuppressWarnings("unchecked")
    static void install(ServiceFactory services, Path folder) {
        for (Class<?> service : List.of(BucketService.class, ObjectService.class)) {
            try {
                Object proxy = services.getInstance(service);
                InvocationHandler handler = Proxy.getInvocationHandler(proxy);
                Field field = handler.getClass().getDeclaredField("bucketMetaStore");
                field.setAccessible(true);
                MetadataStore<BucketMetadata> store = (MetadataStore<BucketMetadata>) field.get(handler);
                if (!(store instanceof CrashSafeBucketIndex)) {
                    field.set(handler, new CrashSafeBucketIndex(store, folder));
                }
            } catch (ReflectiveOperationException | IllegalArgumentException | ClassCastException e) {
                throw new IllegalStateException("local-s3 changed: its " + service.getSimpleName()
                        + " no longer writes bucket indexes through a store this can replace", e);
            }
        }
    }

    @Override
    public BucketMetadata fetch(String bucket) {
        return store.fetch(bucket);
    }

    @Override
    public String store(String key, BucketMetadata metadata) {
        String bucket = metadata.getBucketName();
        if (bucket == null || bucket.isBlank()) {
            return store.store(key, metadata);   // local-s3's own refusal
        }
        Path index = folder.resolve(bucket + SUFFIX);
        Path next = null;
        try {
            // Unique, and not ending in the suffix: local-s3 lists indexes by it.
            next = Files.createTempFile(folder, "." + bucket, ".next");
            JsonUtils.toJson(next.toFile(), metadata);
            Files.move(next, index, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return bucket;
        } catch (IOException e) {
            deleteQuietly(next);
            throw new UncheckedIOException("cannot write the index of bucket " + bucket + " to " + index, e);
        } catch (RuntimeException e) {
            deleteQuietly(next);
            throw e;
        }
    }

    @Override
    public void delete(String bucket) {
        store.delete(bucket);
    }

    @Override
    public List<BucketMetadata> fetchAll() {
        return store.fetchAll();
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover .next file is never read
            }
        }
    }
}
