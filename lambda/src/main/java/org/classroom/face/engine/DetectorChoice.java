package org.classroom.face.engine;

/** Which face detector the engine runs. */
public enum DetectorChoice {
    /**
     * The default: face-api's SSD MobileNet v1 on the frame's own proportions, its longer side at 512 (the scale
     * face-api's 512×512 square gives it), so that no work goes on padding: face-api's answers in 56% of the time for
     * a 16:9 frame.
     */
    SSD,
    /**
     * The Tiny Face Detector finds candidates on the whole frame, SSD checks each in a small window and draws its box
     * ({@link org.classroom.face.detect.CascadeDetector}); a frame with no face found goes to SSD whole. Faster than
     * SSD, but it can miss a face the tiny detector cannot see beside one it can (under about 30 px in its input).
     */
    CASCADE,
    /**
     * The Tiny Face Detector alone, on the frame's own proportions (its longer side at 512): the fastest, but it
     * takes some patterns for faces, misses small ones, and its boxes are looser.
     */
    TINY
}
