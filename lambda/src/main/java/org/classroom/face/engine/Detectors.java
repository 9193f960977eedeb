package org.classroom.face.engine;

import org.classroom.face.FaceDetector;
import org.classroom.face.detect.CascadeDetector;
import org.classroom.face.detect.SsdMobilenetDetector;
import org.classroom.face.detect.TinyFaceDetector;
import org.classroom.face.weights.TfjsWeights;

/** Makes the detector the options ask for. */
final class Detectors {

    private Detectors() {
    }

    static FaceDetector create(DetectorChoice choice, double minScore) {
        switch (choice) {
            case CASCADE:
                return CascadeDetector.standard(minScore);
            case SSD:
                return SsdMobilenetDetector.fitted(TfjsWeights.load(SsdMobilenetDetector.MODEL),
                        SsdMobilenetDetector.DEFAULT_INPUT_SIZE, minScore);
            case TINY:
                return TinyFaceDetector.fitted(TinyFaceDetector.FITTED_LONG_SIDE, minScore);
            default:
                throw new IllegalArgumentException("unknown detector " + choice);
        }
    }
}
