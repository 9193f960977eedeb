package org.classroom.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.classroom.desktop.logic.evidence.EvidenceReader;
import org.classroom.desktop.testing.MemoryEvidence;
import org.junit.jupiter.api.Test;

/** What is kept and what is read again; no crop here decodes, so no toolkit is needed. */
class FaceCropsTest {

    // both executors the calling thread: each look is done when it returns
    private final FaceCrops crops = new FaceCrops(Runnable::run, Runnable::run);

    @Test
    void aMissingCropIsEmptyAndNotAskedForAgain() {
        MemoryEvidence bucket = new MemoryEvidence();
        crops.attach(bucket);

        assertThat(crops.thumbnail("crops/gone.jpg").join()).isEmpty();
        assertThat(crops.thumbnail("crops/gone.jpg").join()).isEmpty();
        assertThat(bucket.reads()).isEqualTo(1);
    }

    @Test
    void aFailedReadIsNotKeptSoTheNextLookReadsAgain() {
        AtomicInteger reads = new AtomicInteger();
        crops.attach(new EvidenceReader() {
            @Override
            public Optional<byte[]> read(String key) throws IOException {
                reads.incrementAndGet();
                throw new IOException("connection reset");
            }

            @Override
            public void close() {
            }
        });

        assertThat(crops.thumbnail("crops/a.jpg")).isCompletedExceptionally();
        assertThat(crops.thumbnail("crops/a.jpg")).isCompletedExceptionally();
        assertThat(reads).hasValue(2);
    }

    @Test
    void onlyTheLastFiveHundredCropsUsedAreKept() {
        MemoryEvidence bucket = new MemoryEvidence();
        crops.attach(bucket);
        for (int i = 0; i < 500; i++) {
            crops.thumbnail("crops/" + i + ".jpg");
        }
        crops.thumbnail("crops/0.jpg");        // used again: now the most recent
        crops.thumbnail("crops/500.jpg");      // pushes out the least recently used, crops/1.jpg
        assertThat(bucket.reads()).isEqualTo(501);

        crops.thumbnail("crops/0.jpg");
        assertThat(bucket.reads()).isEqualTo(501);
        crops.thumbnail("crops/1.jpg");
        assertThat(bucket.reads()).isEqualTo(502);
    }

    @Test
    void anotherBucketStartsAfresh() {
        MemoryEvidence first = new MemoryEvidence();
        MemoryEvidence second = new MemoryEvidence();
        crops.attach(first);
        crops.thumbnail("crops/a.jpg");
        crops.attach(second);
        crops.thumbnail("crops/a.jpg");

        assertThat(first.reads()).isEqualTo(1);
        assertThat(second.reads()).isEqualTo(1);
    }
}
