package org.classroom.face.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TfjsWeightsTest {

    @Test
    void readsEveryTensorOfTheDetectorIncludingOneByteInt32Constants() {
        TfjsWeights ssd = TfjsWeights.load("ssd_mobilenetv1_model");
        assertThat(ssd.all()).hasSize(151);
        assertThat(ssd.get("Postprocessor/stack/1").values()).containsExactly(5118f);
        WeightTensor anchors = ssd.get("Output/extra_dim");
        assertThat(anchors.shape()).containsExactly(1, 5118, 4);
        // anchors are normalised [ymin, xmin, ymax, xmax]: if the walk drifted they would be noise
        for (int i = 0; i < anchors.size(); i += 4) {
            assertThat(anchors.values()[i + 2]).isGreaterThan(anchors.values()[i]);
            assertThat(anchors.values()[i + 3]).isGreaterThan(anchors.values()[i + 1]);
        }
    }

    @Test
    void readsTheDescriptorsMixOfQuantisedAndPlainTensors() {
        TfjsWeights resnet = TfjsWeights.load("face_recognition_model");
        assertThat(resnet.get("conv32_down/conv/filters").shape()).containsExactly(7, 7, 3, 32);
        assertThat(resnet.get("conv64_down/conv1/conv/filters").shape()).containsExactly(3, 3, 32, 64);
    }

    @Test
    void aMissingModelOrWeightIsAClearError() {
        assertThatThrownBy(() -> TfjsWeights.load("nope")).hasMessageContaining("not on the class path");
        assertThatThrownBy(() -> TfjsWeights.load("tiny_face_detector_model").get("x"))
                .hasMessageContaining("has no weight 'x'");
    }
}
