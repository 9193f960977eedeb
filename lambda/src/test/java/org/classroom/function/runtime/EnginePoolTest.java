package org.classroom.function.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.classroom.common.model.VideoResult;
import org.classroom.face.VideoRecogniser;
import org.classroom.face.gallery.Gallery;
import org.classroom.face.video.RandomAccessInput;
import org.junit.jupiter.api.Test;

class EnginePoolTest {

    private final List<CountingEngine> made = new ArrayList<>();

    @Test
    void oneEngineServesCallsOneAfterAnother() {
        EnginePool pool = new EnginePool(this::make).warm();

        VideoRecogniser first = pool.with(engine -> engine);
        VideoRecogniser second = pool.with(engine -> engine);

        assertThat(made).hasSize(1);
        assertThat(second).isSameAs(first);
    }

    @Test
    void aSecondEngineIsMadeOnlyWhileTheFirstIsLent() {
        EnginePool pool = new EnginePool(this::make);

        VideoRecogniser inner = pool.with(outer -> pool.with(engine -> {
            assertThat(engine).isNotSameAs(outer);
            return engine;
        }));
        pool.with(engine -> engine);

        assertThat(made).hasSize(2).contains((CountingEngine) inner);
    }

    @Test
    void closingThePoolClosesEveryEngine() {
        EnginePool pool = new EnginePool(this::make).warm();
        pool.with(outer -> pool.with(engine -> engine));

        pool.close();

        assertThat(made).hasSize(2).allMatch(engine -> engine.closed);
    }

    @Test
    void anEngineThatCannotBeMadeIsNotAVideosFault() {
        EnginePool pool = new EnginePool(() -> {
            throw new UnsatisfiedLinkError("no opencv in java.library.path");
        });

        assertThatThrownBy(() -> pool.with(engine -> engine))
                .isInstanceOf(EnginePool.EngineUnavailable.class)
                .hasMessageContaining("no opencv");
    }

    private CountingEngine make() {
        CountingEngine engine = new CountingEngine();
        made.add(engine);
        return engine;
    }

    private static final class CountingEngine implements VideoRecogniser {
        boolean closed;

        @Override
        public VideoResult recognise(Path video, String videoName, Gallery gallery) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VideoResult recognise(RandomAccessInput video, String videoName, Gallery gallery) {
            throw new UnsupportedOperationException();
        }

        @Override
        public double[] encodeSingleFace(Path photoOrClip) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
