package org.classroom.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequencersTest {

    @Test
    void laterUploadsCompareGreaterWhateverTheirLengthAndCase() {
        assertThat(Sequencers.comparable("0055AED6DCD90281E6")).isGreaterThan(Sequencers.comparable("0055AED6DCD90281E5"));
        // A longer value carries more digits of the same position, so it is padded on the right.
        assertThat(Sequencers.comparable("0055AED6DCD90281E501")).isGreaterThan(Sequencers.comparable("0055AED6DCD90281E5"));
        assertThat(Sequencers.comparable("0055aed6dcd90281e5")).isEqualTo(Sequencers.comparable("0055AED6DCD90281E5"));
    }

    @Test
    void aValueThatIsNotS3sHasNoOrder() {
        assertThat(Sequencers.comparable(null)).isNull();
        assertThat(Sequencers.comparable(" ")).isNull();
        assertThat(Sequencers.comparable("not-hex")).isNull();
        assertThat(Sequencers.comparable("0".repeat(41))).isNull();
    }
}
