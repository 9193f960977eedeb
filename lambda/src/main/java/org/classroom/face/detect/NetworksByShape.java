package org.classroom.face.detect;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A detector's networks, one per input shape it has met (an OpenCV network is built for one input size), the least
 * recently used closed when too many are kept: a batch of videos comes in few shapes (landscape, portrait, 4:3).
 * Not thread-safe.
 */
final class NetworksByShape<T extends AutoCloseable> implements AutoCloseable {

    private final int kept;
    private final BiFunction<Integer, Integer, T> build;
    private final Map<String, T> networks = new LinkedHashMap<>(8, 0.75f, true);

    /** @param build makes the network for an input of (width, height) */
    NetworksByShape(int kept, BiFunction<Integer, Integer, T> build) {
        this.kept = kept;
        this.build = build;
    }

    T get(int width, int height) {
        String shape = width + "x" + height;
        T network = networks.get(shape);
        if (network == null) {
            network = build.apply(width, height);
            networks.put(shape, network);
            if (networks.size() > kept) {
                Iterator<T> eldest = networks.values().iterator();
                closeQuietly(eldest.next());
                eldest.remove();
            }
        }
        return network;
    }

    @Override
    public void close() {
        networks.values().forEach(NetworksByShape::closeQuietly);
        networks.clear();
    }

    private static void closeQuietly(AutoCloseable network) {
        try {
            network.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing a network failed: " + e.getMessage(), e);
        }
    }
}
