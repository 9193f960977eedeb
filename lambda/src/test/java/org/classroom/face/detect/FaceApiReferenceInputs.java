package org.classroom.face.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Writes the network-sized squares that {@link FaceApiAgreementTest} compares on, as raw RGB bytes, for
 * {@code face-api-reference.mjs} (beside the reference files in the test resources) to run face-api on.
 * A tool for regenerating the reference outputs, not a test. Argument: the output folder.
 */
public final class FaceApiReferenceInputs {

    private FaceApiReferenceInputs() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/face-api-reference");
        Files.createDirectories(out);
        for (String clip : FaceApiAgreementTest.CLIPS) {
            try (Mat frame = Frames.first(clip + ".mp4")) {
                for (int size : new int[] {FaceApiAgreementTest.SSD_SIZE, FaceApiAgreementTest.TINY_SIZE}) {
                    try (Mat square = DetectorInput.square(frame, size).picture(frame); Mat rgb = new Mat()) {
                        opencv_imgproc.cvtColor(square, rgb, opencv_imgproc.COLOR_BGR2RGB);
                        byte[] pixels = new byte[size * size * 3];
                        try (BytePointer data = rgb.data()) {
                            data.get(pixels);
                        }
                        Files.write(out.resolve(clip + "_" + size + ".rgb"), pixels);
                    }
                }
            }
        }
        System.out.println("wrote the squares to " + out.toAbsolutePath());
    }
}
