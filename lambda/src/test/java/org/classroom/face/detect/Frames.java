package org.classroom.face.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.classroom.common.config.SampleData;

/** Test frames from the course clips. */
final class Frames {

    private Frames() {
    }

    static Path clip(String name) {
        Path samples = SampleData.find().orElse(null);
        return samples == null ? null : samples.resolve("videos").resolve(name);
    }

    static boolean available() {
        Path clip = clip("test_0.mp4");
        return clip != null && Files.isRegularFile(clip);
    }

    /** Every {@code step}-th video frame of a clip from the first, as owned BGR Mats (the caller closes them). */
    static List<Mat> sampled(String clipName, int step) throws Exception {
        return sampled(clip(clipName), step);
    }

    /** Every {@code step}-th video frame of any clip from the first, as owned BGR Mats (the caller closes them). */
    static List<Mat> sampled(Path clip, int step) throws Exception {
        List<Mat> frames = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip.toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Frame frame;
            for (int index = 0; (frame = grabber.grabImage()) != null; index++) {
                if (index % step == 0) {
                    frames.add(converter.convert(frame).clone());
                }
            }
            grabber.stop();
        }
        return frames;
    }

    /** The first video frame of a clip, as an owned BGR Mat (the caller closes it). */
    static Mat first(String clipName) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(clip(clipName).toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Frame frame = grabber.grabImage();
            Mat mat = converter.convert(frame);
            Mat copy = mat.clone();
            grabber.stop();
            return copy;
        }
    }
}
