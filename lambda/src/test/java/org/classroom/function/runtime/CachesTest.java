package org.classroom.function.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.classroom.common.model.Student;
import org.classroom.face.gallery.Gallery;
import org.junit.jupiter.api.Test;

class CachesTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void galleryIsReadOnceWhileFreshThenAgainWhenOld() {
        Map<String, List<double[]>> table = new HashMap<>(Map.of("ada", List.of(encoding(1))));
        AtomicInteger reads = new AtomicInteger();
        GalleryCache cache = new GalleryCache(() -> {
            reads.incrementAndGet();
            return new HashMap<>(table);
        }, Duration.ofSeconds(60), clock);

        Gallery first = cache.get();
        clock.advance(Duration.ofSeconds(59));
        table.put("grace", List.of(encoding(2)));
        assertThat(cache.get()).isSameAs(first);
        assertThat(reads).hasValue(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(cache.get().names()).containsExactlyInAnyOrder("ada", "grace");
        assertThat(reads).hasValue(2);
    }

    @Test
    void enrolmentInvalidatesTheGallery() {
        AtomicInteger reads = new AtomicInteger();
        GalleryCache cache = new GalleryCache(() -> {
            reads.incrementAndGet();
            return Map.of("ada", List.of(encoding(1)));
        }, Duration.ofHours(1), clock);

        cache.get();
        cache.invalidate();
        cache.get();

        assertThat(reads).hasValue(2);
    }

    @Test
    void aFailedReloadKeepsTheOlderGalleryButAFailedFirstLoadFails() {
        List<RuntimeException> failures = new ArrayList<>();
        GalleryCache cache = new GalleryCache(() -> {
            if (!failures.isEmpty()) {
                throw failures.get(0);
            }
            return Map.of("ada", List.of(encoding(1)));
        }, Duration.ofSeconds(1), clock);
        Gallery first = cache.get();

        failures.add(new IllegalStateException("table down"));
        clock.advance(Duration.ofSeconds(5));

        assertThat(cache.get()).isSameAs(first);
        GalleryCache cold = new GalleryCache(() -> {
            throw new IllegalStateException("table down");
        }, Duration.ofSeconds(1), clock);
        assertThatThrownBy(cold::get).hasMessage("table down");
    }

    @Test
    void studentRecordsAreReadOncePerNameIncludingNamesWithoutARow() {
        Map<String, Integer> reads = new HashMap<>();
        StudentDirectory directory = new StudentDirectory(name -> {
            reads.merge(name, 1, Integer::sum);
            return name.equals("ada") ? Optional.of(new Student("ada", 1, "maths", "senior")) : Optional.empty();
        }, Duration.ofSeconds(60), clock);

        assertThat(directory.get("ada")).isEqualTo(new Student("ada", 1, "maths", "senior"));
        assertThat(directory.get("ada").major()).isEqualTo("maths");
        assertThat(directory.get("bush")).isEqualTo(Student.unrecorded("bush"));
        assertThat(directory.get("bush").hasRecord()).isFalse();
        assertThat(reads).containsEntry("ada", 1).containsEntry("bush", 1);

        clock.advance(Duration.ofSeconds(61));
        directory.get("ada");
        directory.forget("bush");
        directory.get("bush");
        assertThat(reads).containsEntry("ada", 2).containsEntry("bush", 2);
    }

    private static double[] encoding(double value) {
        double[] encoding = new double[128];
        java.util.Arrays.fill(encoding, value);
        return encoding;
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
