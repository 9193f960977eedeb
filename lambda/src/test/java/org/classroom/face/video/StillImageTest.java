package org.classroom.face.video;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A picture renamed .mp4 decodes as a one-frame video in FFmpeg; it must be refused as not a video. */
class StillImageTest {

    @TempDir
    Path dir;

    @Test
    void picturesNamedMp4AreNotVideos() {
        for (String format : new String[] {"jpg", "png"}) {
            Path picture = dir.resolve("picture-" + format + ".mp4");
            Path written = dir.resolve("picture." + format);
            try (Mat image = new Mat(240, 320, opencv_core.CV_8UC3, new Scalar(40, 120, 200, 0))) {
                opencv_imgcodecs.imwrite(written.toString(), image);
            }
            written.toFile().renameTo(picture.toFile());

            assertThatThrownBy(() -> FrameSampler.open(picture, SamplingOptions.defaults()).close())
                    .as(format).isInstanceOf(InvalidVideoException.class).hasMessageContaining("still image");
        }
    }
}
