package org.classroom.face.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.classroom.common.format.FilmstripIndex;
import org.classroom.face.evidence.Filmstrip.Thumbnail;
import org.junit.jupiter.api.Test;

class FilmstripTest {

    @Test
    void aShortClipKeepsAThumbnailOfEverySample160PixelsWide() {
        Filmstrip strip = new Filmstrip(360);
        try (Mat frame = new Mat(1080, 1920, CV_8UC3, new Scalar(40, 90, 160, 0))) {
            for (int sample = 0; sample < 5; sample++) {
                strip.offer(sample * 0.5, frame);
            }
        }

        assertThat(strip.thumbnails()).extracting(Thumbnail::seconds).containsExactly(0.0, 0.5, 1.0, 1.5, 2.0);
        try (Mat thumbnail = imdecode(new Mat(strip.thumbnails().get(0).jpeg()), IMREAD_COLOR)) {
            assertThat(thumbnail.cols()).isEqualTo(Filmstrip.THUMBNAIL_WIDTH);
            assertThat(thumbnail.rows()).isEqualTo(90);
        }
    }

    @Test
    void aThreeHourLectureKeepsAtMostTheBoundSpreadEvenlyAndEncodesFewMoreThanItKeeps() {
        AtomicInteger encoded = new AtomicInteger();
        Filmstrip strip = new Filmstrip(360, frame -> {
            encoded.incrementAndGet();
            return new byte[] {1, 2, 3};
        });
        int samples = 3 * 3600 * 2;   // a sample every 0.5 s
        try (Mat frame = new Mat(2, 2, CV_8UC3)) {
            for (int sample = 0; sample < samples; sample++) {
                strip.offer(sample * 0.5, frame);
                assertThat(strip.thumbnails().size()).isLessThanOrEqualTo(360);
            }
        }

        List<Thumbnail> kept = strip.thumbnails();
        assertThat(kept.size()).isBetween(180, 360);
        assertThat(kept.get(0).seconds()).isZero();
        double[] gaps = new double[kept.size() - 1];
        for (int i = 1; i < kept.size(); i++) {
            gaps[i - 1] = kept.get(i).seconds() - kept.get(i - 1).seconds();
        }
        double widest = Arrays.stream(gaps).max().orElseThrow();
        double narrowest = Arrays.stream(gaps).min().orElseThrow();
        assertThat(widest).isLessThanOrEqualTo(2 * 3 * 3600.0 / 180);
        assertThat(widest / narrowest).as("evenly spread").isLessThan(1.5);
        assertThat(kept.get(kept.size() - 1).seconds()).isGreaterThan(3 * 3600 - 2 * widest);
        // a sample whose slot is taken is never encoded: a few times the kept ones at most, not all 21600
        assertThat(encoded.get()).isLessThan(4 * 360);
    }

    @Test
    void thePackedStripHoldsEachThumbnailWhereItsIndexSays() {
        Filmstrip strip = new Filmstrip(10);
        try (Mat dark = new Mat(240, 320, CV_8UC3, new Scalar(0, 0, 0, 0));
                Mat light = new Mat(240, 320, CV_8UC3, new Scalar(250, 250, 250, 0))) {
            strip.offer(0, dark);
            strip.offer(1, light);
        }

        Filmstrip.Packed packed = strip.packed();

        assertThat(packed.index().thumbnails()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            FilmstripIndex.Thumbnail entry = packed.index().thumbnails().get(i);
            byte[] jpeg = Arrays.copyOfRange(packed.images(), (int) entry.offset(), (int) entry.offset() + entry.length());
            assertThat(jpeg).isEqualTo(strip.thumbnails().get(i).jpeg()).startsWith((byte) 0xFF, (byte) 0xD8);
        }
        assertThat(packed.images()).hasSize(packed.index().thumbnails().get(1).length()
                + packed.index().thumbnails().get(0).length());
        assertThat(new Filmstrip(10).packed()).isNull();
    }
}
