package org.classroom.function.runtime;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import java.util.function.Supplier;
import org.classroom.face.VideoRecogniser;

/**
 * Engines for a warm container. An engine is not thread-safe, and its networks are costly to load, so
 * each is made once and lent to one thread at a time; a second engine is made only when two videos are
 * handled at once (local cloud, or {@code CLASSROOM_FUNCTION_THREADS} above 1).
 */
public final class EnginePool implements AutoCloseable {

    private final Supplier<? extends VideoRecogniser> factory;
    private final Deque<VideoRecogniser> idle = new ConcurrentLinkedDeque<>();
    private final List<VideoRecogniser> all = new ArrayList<>();

    public EnginePool(Supplier<? extends VideoRecogniser> factory) {
        this.factory = factory;
    }

    /** Makes the first engine now, so that a cold start pays for the networks during initialisation. */
    public EnginePool warm() {
        idle.push(create());
        return this;
    }

    public <T> T with(Function<VideoRecogniser, T> work) {
        VideoRecogniser engine = idle.poll();
        if (engine == null) {
            engine = create();
        }
        try {
            return work.apply(engine);
        } finally {
            idle.push(engine);
        }
    }

    private VideoRecogniser create() {
        VideoRecogniser engine;
        try {
            engine = factory.get();
        } catch (RuntimeException | LinkageError e) {
            throw new EngineUnavailable(e);
        }
        synchronized (all) {
            all.add(engine);
        }
        return engine;
    }

    @Override
    public void close() {
        synchronized (all) {
            all.forEach(VideoRecogniser::close);
            all.clear();
            idle.clear();
        }
    }

    /** The engine could not be made (networks missing, natives not loadable): no video's fault. */
    public static final class EngineUnavailable extends RuntimeException {
        EngineUnavailable(Throwable cause) {
            super("cannot load the face engine: " + cause, cause);
        }
    }
}
