package org.classroom.function.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.classroom.face.VideoRecogniser;
import org.classroom.face.engine.FaceEngine;
import org.classroom.face.video.VideoLimits;
import org.junit.jupiter.api.Test;

class EnginesTest {

    @Test
    void theProductionEngineHoldsVideosToTheFunctionsLimits() {
        FunctionSettings settings = FunctionSettings.defaults().withVideoLimits(1920L * 1080, Duration.ofSeconds(90));
        try (VideoRecogniser engine = Engines.faceEngine(settings).get()) {
            VideoLimits limits = ((FaceEngine) engine).options().limits();
            assertThat(limits.maxFramePixels()).isEqualTo(1920L * 1080);
            assertThat(limits.deadline()).isEqualTo(Duration.ofSeconds(90));
        }
        assertThat(FunctionSettings.defaults().videoLimits().maxFramePixels()).isEqualTo(3840L * 2160);
        assertThat(FunctionSettings.defaults().videoLimits().deadline()).isEqualTo(Duration.ofMinutes(10));
    }
}
