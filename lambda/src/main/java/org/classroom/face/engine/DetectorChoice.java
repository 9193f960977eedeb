package org.classroom.face.engine;

/** Which face detector the engine runs. */
public enum DetectorChoice {
    /**
     * The default: the Tiny Face Detector finds candidates on the whole frame, SSD checks each in a small window and
     * draws its box ({@link org.classroom.face.detect.CascadeDetector}). SSD's answers at a quarter of its time.
     */
    CASCADE,
    /**
     * SSD MobileNet v1 on the frame padded to a 512×512 square: face-api's accurate detector, alone; about four
     * times the cascade's time.
     */
    SSD,
    /**
     * The Tiny Face Detector alone, on the frame's own proportions (its longer side at 512, the scale SSD sees faces
     * at): the fastest, but it takes some patterns for faces, and its boxes are looser.
     */
    TINY
}
