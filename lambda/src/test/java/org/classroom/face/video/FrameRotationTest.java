package org.classroom.face.video;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameRotationTest {

    @Test
    void theDisplayMatrixAngleIsUndoneClockwise() {
        // FFmpeg reports the matrix counter-clockwise: 90 means "turn the stored picture 90° anticlockwise".
        assertThat(FrameRotation.clockwiseDegrees(90, null)).isEqualTo(270);
        assertThat(FrameRotation.clockwiseDegrees(-90, null)).isEqualTo(90);
        assertThat(FrameRotation.clockwiseDegrees(180, null)).isEqualTo(180);
        assertThat(FrameRotation.clockwiseDegrees(-180, null)).isEqualTo(180);
        assertThat(FrameRotation.clockwiseDegrees(0, null)).isZero();
        assertThat(FrameRotation.clockwiseDegrees(Double.NaN, null)).isZero();
        assertThat(FrameRotation.clockwiseDegrees(89.6, null)).isEqualTo(270);
    }

    @Test
    void anOldRotateTagCountsClockwiseAndYieldsToTheMatrix() {
        assertThat(FrameRotation.clockwiseDegrees(0, "90")).isEqualTo(90);
        assertThat(FrameRotation.clockwiseDegrees(0, "270")).isEqualTo(270);
        assertThat(FrameRotation.clockwiseDegrees(-90, "270")).isEqualTo(90);
        assertThat(FrameRotation.clockwiseDegrees(0, "sideways")).isZero();
    }
}
