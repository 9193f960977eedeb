package org.classroom.face.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.classroom.common.model.FaceBox;
import org.classroom.face.match.FaceObservation;
import org.junit.jupiter.api.Test;

class BestViewCropsTest {

    /** One array for every view, so that two views of one sample are equal as records. */
    private static final double[] ENCODING = new double[128];

    private final BestViewCrops crops = new BestViewCrops();

    @Test
    void onlyTheCropsOfViewsStillHeldAreKept() {
        FaceObservation dropped = view(0);
        FaceObservation held = view(1);
        crops.keep(dropped, new byte[] {1});
        crops.keep(held, new byte[] {2});

        crops.retainOnly(List.of(held));

        assertThat(crops.of(dropped)).isEmpty();
        assertThat(crops.of(held)).hasValueSatisfying(jpeg -> assertThat(jpeg).containsExactly(2));
        assertThat(crops.size()).isEqualTo(1);
    }

    @Test
    void viewsAreTheirOwnKeysEvenWhenTheyLookAlike() {
        FaceObservation first = view(3);
        FaceObservation twin = view(3);
        crops.keep(first, new byte[] {1});

        assertThat(twin).isEqualTo(first);
        assertThat(crops.of(twin)).isEmpty();
    }

    @Test
    void anEmptyCropIsNotKept() {
        crops.keep(view(0), new byte[0]);

        assertThat(crops.size()).isZero();
    }

    private static FaceObservation view(int sample) {
        return new FaceObservation(ENCODING, new FaceBox(10, 10, 50, 50), sample, sample * 0.5, 0.9);
    }
}
