package org.classroom.face.engine;

/** Which face detector the engine runs. */
public enum DetectorChoice {
    /** SSD MobileNet v1 at 512×512: finds every course face; the default. */
    SSD,
    /** Tiny Face Detector (Tiny YOLO v2): faster, misses more small faces. */
    TINY
}
