package org.classroom.face.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.classroom.face.dnn.DnnRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DetectorPrecisionTest {

    @AfterEach
    void forget() {
        System.clearProperty("classroom.ssd.precision");
    }

    @Test
    void theSettingNamesAPrecisionInAnyCaseAndAnythingElseIsAClearError() {
        assertThat(DetectorPrecision.parse(" INT8")).isEqualTo(DetectorPrecision.INT8);
        assertThat(DetectorPrecision.parse("float")).isEqualTo(DetectorPrecision.FLOAT);
        assertThatThrownBy(() -> DetectorPrecision.parse("fp16"))
                .hasMessage("CLASSROOM_SSD_PRECISION=fp16 is not a detector precision; use int8 or float");
    }

    @Test
    void eightBitsInOnnxRuntimeUnlessAskedOtherwiseAndAlwaysFloatsInOpenCv() {
        assertThat(DetectorPrecision.chosen(DnnRuntime.ONNX_RUNTIME)).isEqualTo(DetectorPrecision.INT8);
        assertThat(DetectorPrecision.chosen(DnnRuntime.OPENCV)).isEqualTo(DetectorPrecision.FLOAT);
        System.setProperty("classroom.ssd.precision", "float");
        assertThat(DetectorPrecision.chosen(DnnRuntime.ONNX_RUNTIME)).isEqualTo(DetectorPrecision.FLOAT);
    }
}
