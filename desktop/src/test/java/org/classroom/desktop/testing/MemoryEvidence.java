package org.classroom.desktop.testing;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.classroom.desktop.logic.evidence.EvidenceReader;

/** An evidence bucket in memory: put crops in, count the reads. */
public final class MemoryEvidence implements EvidenceReader {

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    public void put(String key, byte[] bytes) {
        objects.put(key, bytes.clone());
    }

    public int reads() {
        return reads.get();
    }

    @Override
    public Optional<byte[]> read(String key) {
        reads.incrementAndGet();
        return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
    }

    @Override
    public void close() {
        // kept across reconnections, like a real bucket
    }
}
