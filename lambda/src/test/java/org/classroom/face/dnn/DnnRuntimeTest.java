package org.classroom.face.dnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DnnRuntimeTest {

    @Test
    void theSettingNamesARuntimeInAnyCaseAndAnythingElseIsAClearError() {
        assertThat(DnnRuntime.parse("onnxruntime")).isEqualTo(DnnRuntime.ONNX_RUNTIME);
        assertThat(DnnRuntime.parse(" OpenCV ")).isEqualTo(DnnRuntime.OPENCV);
        assertThatThrownBy(() -> DnnRuntime.parse("tensorflow"))
                .hasMessage("CLASSROOM_DNN=tensorflow is not a network runtime; use onnxruntime or opencv");
    }

    @Test
    void aNetworkSaysWhichRuntimeRunsIt() {
        GraphBuilder g = new GraphBuilder(1, 2, 2);
        g.output(g.relu("relu", g.input()));
        for (DnnRuntime runtime : DnnRuntime.values()) {
            try (DnnModel model = g.build(runtime)) {
                assertThat(model.runtime()).isEqualTo(runtime);
                assertThat(model.run(new float[] {-1, 2, -3, 4})[0]).containsExactly(new float[] {0, 2, 0, 4}, within(1e-6f));
            }
        }
    }
}
