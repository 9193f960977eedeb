package org.classroom.face.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;
import org.classroom.face.DetectedFace;

/**
 * An independent second opinion for the tests: OpenCV's own Haar frontal-face cascade (shipped in the
 * OpenCV jar), which shares nothing with the networks under test.
 */
final class HaarFaces implements AutoCloseable {

    private static final String CASCADE =
            "/org/bytedeco/opencv/linux-x86_64/share/opencv4/haarcascades/haarcascade_frontalface_default.xml";

    private final CascadeClassifier cascade;

    HaarFaces() {
        try (InputStream in = CascadeClassifier.class.getResourceAsStream(CASCADE)) {
            if (in == null) {
                throw new IllegalStateException("Haar cascade " + CASCADE + " is not in the OpenCV jar");
            }
            Path file = Files.createTempFile("haarcascade", ".xml");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            cascade = new CascadeClassifier(file.toString());
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<DetectedFace> find(Mat bgr) {
        List<DetectedFace> faces = new ArrayList<>();
        try (Mat grey = new Mat(); RectVector found = new RectVector(); Size min = new Size(40, 40);
                Size max = new Size()) {
            opencv_imgproc.cvtColor(bgr, grey, opencv_imgproc.COLOR_BGR2GRAY);
            cascade.detectMultiScale(grey, found, 1.1, 5, 0, min, max);
            for (long i = 0; i < found.size(); i++) {
                Rect r = found.get(i);
                faces.add(new DetectedFace(r.x(), r.y(), r.width(), r.height(), 1));
            }
        }
        return faces;
    }

    static double iou(DetectedFace a, DetectedFace b) {
        return a.iou(b);
    }

    @Override
    public void close() {
        cascade.close();
    }
}
