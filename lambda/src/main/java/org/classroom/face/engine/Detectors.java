package org.classroom.face.engine;

import org.classroom.face.FaceDetector;
import org.classroom.face.detect.SsdMobilenetDetector;
import org.classroom.face.detect.TinyFaceDetector;

/** Makes the detector the options ask for. */
final class Detectors {

    private Detectors() {
    }

    static FaceDetector create(DetectorChoice choice, double minScore) {
        switch (choice) {
            case SSD:
                return new SsdMobilenetDetector(minScore);
            case TINY:
                return new TinyFaceDetector(TinyFaceDetector.DEFAULT_INPUT_SIZE, minScore);
            default:
                throw new IllegalArgumentException("unknown detector " + choice);
        }
    }
}
